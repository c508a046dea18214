package io.chainmonitor.spawner.runtime.process;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReplicaKey;

/**
 * What a restarted spawner needs to find a replica it left running: the pid, the kernel's start time of that process
 * and the node's executable (to tell the process from another that reused the pid), its ports and when it started.
 * Kept in the replica's data directory.
 */
record PidFile(ReplicaKey key, String chainType, long pid, String command, Map<PortRole, Integer> ports,
        Instant startedAt, Instant processStart) {

    /**
     * True when {@code handle} is the process this file names: it started when the file says (a pid reused by another
     * process started later), which also holds for a wrapper script that {@code exec}s the node; the command is
     * compared where the start time is not known.
     */
    boolean isProcess(ProcessHandle handle) {
        java.util.Optional<Instant> started = handle.info().startInstant();
        if (processStart != null && started.isPresent()) {
            return processStart.equals(started.get());
        }
        return ProcessLaunch.runs(handle, command);
    }

    static final String NAME = "replica.pid";

    static Path in(Path dataDirectory) {
        return dataDirectory.resolve(NAME);
    }

    void writeTo(Path dataDirectory) {
        Properties properties = new Properties();
        properties.setProperty("projectId", key.projectId());
        properties.setProperty("replicaId", key.replicaId());
        properties.setProperty("chainType", chainType);
        properties.setProperty("pid", Long.toString(pid));
        properties.setProperty("command", command);
        properties.setProperty("startedAt", startedAt.toString());
        if (processStart != null) {
            properties.setProperty("processStart", processStart.toString());
        }
        ports.forEach((role, port) -> properties.setProperty("port." + role.name(), port.toString()));
        Path target = in(dataDirectory);
        Path temporary = dataDirectory.resolve(NAME + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(writer, "chain-monitor spawner replica");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** The pid file in {@code dataDirectory}, or empty when there is none or it cannot be read. */
    static Optional<PidFile> readFrom(Path dataDirectory) {
        Path file = in(dataDirectory);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            Map<PortRole, Integer> ports = new EnumMap<>(PortRole.class);
            for (PortRole role : PortRole.values()) {
                String port = properties.getProperty("port." + role.name());
                if (port != null) {
                    ports.put(role, Integer.parseInt(port));
                }
            }
            return Optional.of(new PidFile(
                    new ReplicaKey(properties.getProperty("projectId"), properties.getProperty("replicaId")),
                    properties.getProperty("chainType", "unknown"),
                    Long.parseLong(properties.getProperty("pid")), properties.getProperty("command"), ports,
                    Instant.parse(properties.getProperty("startedAt")),
                    properties.getProperty("processStart") == null
                            ? null
                            : Instant.parse(properties.getProperty("processStart"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static void deleteIn(Path dataDirectory) {
        try {
            Files.deleteIfExists(in(dataDirectory));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + in(dataDirectory), e);
        }
    }
}
