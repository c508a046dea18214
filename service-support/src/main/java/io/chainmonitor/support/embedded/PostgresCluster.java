package io.chainmonitor.support.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainmonitor.support.embedded.EmbeddedRuntimeException.Reason;

/**
 * The files of one embedded PostgreSQL: the cluster ({@code pgdata/}, created by {@code initdb} on first use), its
 * log ({@code postgres.log}) and the settings it runs with.
 */
record PostgresCluster(Path dataDirectory, Path home, UnprivilegedUser user) {

    private static final Logger log = LoggerFactory.getLogger(PostgresCluster.class);

    // The longest Unix-domain socket path Linux accepts (sun_path holds 108 bytes with the terminating NUL).
    private static final int MAX_SOCKET_PATH = 107;

    /** Creates the directory and the cluster if needed, and clears the lock file a killed server left behind. */
    static PostgresCluster prepare(Path dataDirectory, Path home, UnprivilegedUser user) {
        PostgresCluster cluster = new PostgresCluster(dataDirectory.toAbsolutePath().normalize(), home, user);
        try {
            Files.createDirectories(cluster.dataDirectory());
        } catch (IOException e) {
            throw new EmbeddedRuntimeException(Reason.DATA_DIRECTORY_UNUSABLE, "cannot create " + dataDirectory, e);
        }
        cluster.initializeIfNeeded();
        cluster.clearStaleLockFile();
        return cluster;
    }

    Path clusterDirectory() {
        return dataDirectory.resolve("pgdata");
    }

    Path log() {
        return dataDirectory.resolve("postgres.log");
    }

    Path program(String name) {
        return home.resolve("bin").resolve(name);
    }

    /** Server settings for a small footprint that still serves every service's connection pool. */
    List<String> settings() {
        return List.of("listen_addresses=" + Loopback.HOST, "unix_socket_directories=" + socketDirectory(),
                "max_connections=200", "shared_buffers=64MB", "work_mem=4MB", "maintenance_work_mem=32MB",
                "max_wal_size=256MB", "fsync=on", "logging_collector=off", "log_min_messages=warning");
    }

    /** The socket goes next to the data unless the path is too long for a socket, then there is none (TCP only). */
    private String socketDirectory() {
        String directory = clusterDirectory().toString();
        if ((directory + "/.s.PGSQL.65535").getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            log.debug("No Unix-domain socket: {} is too long a path for one", directory);
            return "";
        }
        return directory;
    }

    /** The process id in the lock file of a running server, or -1. */
    long serverPid() {
        return lockFilePid().filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .orElse(-1L);
    }

    /** True when the lock file of a live server says it accepts connections. */
    boolean reportsReady() {
        List<String> lines = lockFileLines();
        // Line 8 of postmaster.pid is the server's status: starting, stopping, ready or standby.
        return lines.size() >= 8 && lines.get(7).strip().equals("ready") && serverPid() > 0;
    }

    private void initializeIfNeeded() {
        Path cluster = clusterDirectory();
        if (Files.isRegularFile(cluster.resolve("PG_VERSION"))) {
            return;
        }
        if (Files.exists(cluster)) {
            throw new EmbeddedRuntimeException(Reason.DATA_DIRECTORY_UNUSABLE,
                    cluster + " exists but is not a PostgreSQL cluster (no PG_VERSION); move it away to start afresh");
        }
        // initdb works in a side directory that is renamed when complete, so a killed initdb leaves no half cluster.
        Path staging = dataDirectory.resolve("pgdata.initdb");
        PostgresBinaries.deleteRecursively(staging);
        List<String> initdb = user.command(List.of(program("initdb").toString(), "-D", staging.toString(), "-U",
                "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-instructions"));
        try {
            Process process = new ProcessBuilder(initdb).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new EmbeddedRuntimeException(Reason.START_FAILED, "initdb did not finish within 2 minutes; "
                        + LogTail.of(log()));
            }
            if (process.exitValue() != 0) {
                throw new EmbeddedRuntimeException(Reason.START_FAILED, "initdb exited with " + process.exitValue()
                        + "; " + LogTail.of(log()));
            }
            Files.move(staging, cluster, StandardCopyOption.ATOMIC_MOVE);
            log.info("Created a PostgreSQL cluster in {}", cluster);
        } catch (IOException e) {
            throw new EmbeddedRuntimeException(Reason.START_FAILED, "cannot run initdb for " + cluster, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedRuntimeException(Reason.START_FAILED, "interrupted while initdb ran", e);
        }
    }

    /**
     * A lock file naming a process that is gone, or is no PostgreSQL of this cluster (its pid reused), or no process
     * at all (cut short by a crash), is left over from a killed server; PostgreSQL would refuse to start on it, so it
     * is removed. A live server of this cluster is another instance and is not touched.
     */
    private void clearStaleLockFile() {
        if (!Files.exists(lockFile())) {
            return;
        }
        Optional<Long> pid = lockFilePid();
        Optional<ProcessHandle> owner = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (owner.isPresent() && servesThisCluster(owner.get())) {
            throw new EmbeddedRuntimeException(Reason.DATA_DIRECTORY_UNUSABLE, "a PostgreSQL server (pid "
                    + owner.get().pid() + ") already runs on " + clusterDirectory() + "; stop it first");
        }
        try {
            Files.deleteIfExists(lockFile());
            log.info("Removed the stale lock file of PostgreSQL pid {} in {}", pid.map(String::valueOf).orElse("?"),
                    clusterDirectory());
        } catch (IOException e) {
            throw new EmbeddedRuntimeException(Reason.DATA_DIRECTORY_UNUSABLE, "cannot remove " + lockFile(), e);
        }
    }

    private boolean servesThisCluster(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(command -> command.endsWith("/postgres")).orElse(true);
        boolean thisCluster = info.arguments()
                .map(arguments -> List.of(arguments).contains(clusterDirectory().toString()))
                .orElse(true);
        return postgres && thisCluster;
    }

    private Optional<Long> lockFilePid() {
        try {
            return lockFileLines().stream().findFirst().map(String::strip).map(Long::parseLong);
        } catch (NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    private List<String> lockFileLines() {
        try {
            return Files.readAllLines(lockFile());
        } catch (IOException absentOrUnreadable) {
            // Absent, or being rewritten by a starting server: nothing to read yet.
            return List.of();
        }
    }

    private Path lockFile() {
        return clusterDirectory().resolve("postmaster.pid");
    }
}
