package io.chainmonitor.spawner.telemetry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a process's files under {@code /proc} (or another root, for tests); a vanished process reads as empty. */
final class ProcFileSystem {

    private final Path root;

    ProcFileSystem(Path root) {
        this.root = root;
    }

    Optional<ProcStat> stat(long pid) {
        return read(pid, "stat").flatMap(stat -> read(pid, "status").flatMap(status -> ProcStat.parse(stat, status)));
    }

    Optional<NetDev> netDev(long pid) {
        return read(pid, "net/dev").map(NetDev::parse);
    }

    private Optional<String> read(long pid, String file) {
        try {
            return Optional.of(Files.readString(root.resolve(Long.toString(pid)).resolve(file),
                    StandardCharsets.ISO_8859_1));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
