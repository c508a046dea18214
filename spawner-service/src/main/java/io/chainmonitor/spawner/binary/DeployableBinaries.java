package io.chainmonitor.spawner.binary;

import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.chainmonitor.spawner.SpawnerException;
import io.chainmonitor.spawner.SpawnerException.Reason;
import io.chainmonitor.spawner.project.Project;

/** The program a project's replicas run: its current binary in the store, when that is an ELF file or a script. */
@Component
public class DeployableBinaries {

    private final BinaryRepository binaries;
    private final BinaryStore store;

    DeployableBinaries(BinaryRepository binaries, BinaryStore store) {
        this.binaries = binaries;
        this.store = store;
    }

    /** The stored executable; 409 {@code no-binary} before an upload, 422 for an archive (not unpacked yet). */
    public Path executableOf(Project project) {
        return executableOf(project.id(), project.binarySha256());
    }

    /** The stored executable of a binary the project had (or has), as {@link #executableOf(Project)} checks it. */
    public Path executableOf(UUID projectId, String sha256) {
        BinaryRecord binary = sha256 == null ? null : binaries.current(projectId, sha256).orElse(null);
        if (binary == null) {
            throw new SpawnerException(Reason.NO_BINARY,
                    "project " + projectId + " has no binary yet: upload one with PUT .../binary first");
        }
        if (binary.kind() != BinaryKind.ELF && binary.kind() != BinaryKind.SCRIPT) {
            throw new SpawnerException(Reason.ARCHIVE_DEPLOY_UNSUPPORTED, "the binary " + binary.sha256() + " is a "
                    + binary.kind().name().toLowerCase(Locale.ROOT)
                    + " archive; only ELF executables and scripts can be deployed so far");
        }
        return store.pathOf(binary.sha256());
    }
}
