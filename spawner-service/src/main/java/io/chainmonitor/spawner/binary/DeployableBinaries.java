package io.chainmonitor.spawner.binary;

import java.nio.file.Path;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.chainmonitor.spawner.SpawnerException;
import io.chainmonitor.spawner.SpawnerException.Reason;
import io.chainmonitor.spawner.project.Project;

/**
 * The program a project's replicas run: its binary in the store when that is an ELF file or a script, or the entry
 * point of its archive, unpacked once.
 */
@Component
public class DeployableBinaries {

    private final BinaryRepository binaries;
    private final BinaryStore store;
    private final ArchiveUnpacker unpacker;

    DeployableBinaries(BinaryRepository binaries, BinaryStore store, ArchiveUnpacker unpacker) {
        this.binaries = binaries;
        this.store = store;
        this.unpacker = unpacker;
    }

    /**
     * The stored executable; 409 {@code no-binary} before an upload, 422 {@code archive-deploy-unsupported} for an
     * archive that cannot be unpacked safely.
     */
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
            return unpacker.entryPoint(binary);
        }
        return store.pathOf(binary.sha256());
    }
}
