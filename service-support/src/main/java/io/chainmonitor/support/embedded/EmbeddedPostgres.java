package io.chainmonitor.support.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainmonitor.support.embedded.EmbeddedRuntimeException.Reason;

/** A real PostgreSQL server from the Maven Central binaries, data kept in a directory that survives restarts. */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

    private static final String SUPERUSER = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final int START_ATTEMPTS = 3;
    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);

    private final PostgresCluster cluster;
    private final int port;
    private final SupervisedProcess server;
    private final CloseOnce closer;

    private EmbeddedPostgres(PostgresCluster cluster, int port, SupervisedProcess server) {
        this.cluster = cluster;
        this.port = port;
        this.server = server;
        this.closer = new CloseOnce("embedded-postgres-" + port, this::shutDown);
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory}, creating the cluster on first use; {@code port} 0 picks a free
     * loopback port. The binaries are unpacked under {@code dataDirectory/runtime}.
     */
    public static EmbeddedPostgres start(Path dataDirectory, int port) {
        return start(dataDirectory, port, dataDirectory.resolve("runtime"));
    }

    /** Like {@link #start(Path, int)}, with the binaries unpacked under {@code runtimeCache}, shareable by servers. */
    public static EmbeddedPostgres start(Path dataDirectory, int port, Path runtimeCache) {
        long started = System.nanoTime();
        PostgresCluster cluster = PostgresCluster.prepare(dataDirectory, PostgresBinaries.install(runtimeCache),
                UnprivilegedUser.current());
        Deadline deadline = Deadline.in(START_TIMEOUT);
        for (int attempt = 1;; attempt++) {
            int chosen = Loopback.portOrFree(port);
            SupervisedProcess server = launch(cluster, chosen);
            if (awaitReady(cluster, server, chosen, deadline)) {
                log.info("PostgreSQL started on {}:{} with data in {} in {} ms", Loopback.HOST, chosen,
                        cluster.dataDirectory(), (System.nanoTime() - started) / 1_000_000);
                return new EmbeddedPostgres(cluster, chosen, server);
            }
            server.stop(STOP_TIMEOUT);
            if (attempt == START_ATTEMPTS || deadline.passed()) {
                throw new EmbeddedRuntimeException(Reason.START_FAILED, "PostgreSQL on port " + chosen
                        + " exited with " + server.exitValue() + " while starting; " + LogTail.of(cluster.log()));
            }
            // A free port taken between choosing and binding it, or backends of a killed server still holding its
            // shared memory, clear up by themselves within moments.
            log.info("PostgreSQL exited while starting on port {}; trying again", chosen);
            LockSupport.parkNanos(RETRY_PAUSE.multipliedBy(attempt).toNanos());
        }
    }

    private static SupervisedProcess launch(PostgresCluster cluster, int port) {
        List<String> program = new ArrayList<>(List.of(cluster.program("postgres").toString(), "-D",
                cluster.clusterDirectory().toString(), "-p", Integer.toString(port)));
        for (String setting : cluster.settings()) {
            program.addAll(List.of("-c", setting));
        }
        try {
            return SupervisedProcess.start("postgres", cluster.user().command(program), cluster.log());
        } catch (IOException e) {
            throw new EmbeddedRuntimeException(Reason.START_FAILED, "cannot run " + program.getFirst(), e);
        }
    }

    /**
     * True once the server says it is ready in its lock file (as {@code pg_ctl -w} checks) and accepts a connection;
     * false if it exited; fails when the deadline passes. The lock file comes first so that another server holding
     * the port is never taken for this one.
     */
    private static boolean awaitReady(PostgresCluster cluster, SupervisedProcess server, int port,
            Deadline deadline) {
        SQLException last = null;
        while (!deadline.passed()) {
            if (cluster.reportsReady()) {
                try (Connection connection = connect(jdbcUrl(port, SUPERUSER), Duration.ofSeconds(2))) {
                    return true;
                } catch (SQLException notYet) {
                    last = notYet;
                }
            }
            if (server.awaitExit(POLL_INTERVAL)) {
                return false;
            }
        }
        server.stop(STOP_TIMEOUT);
        throw new EmbeddedRuntimeException(Reason.START_FAILED, "PostgreSQL on port " + port
                + " did not accept connections within " + START_TIMEOUT + "; " + LogTail.of(cluster.log()), last);
    }

    public int port() {
        return port;
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}. */
    public String jdbcUrl(String database) {
        return jdbcUrl(port, checkedName(database));
    }

    /** The superuser's name. */
    public String username() {
        return SUPERUSER;
    }

    /** Empty: the server trusts connections from loopback, the only address it listens on. */
    public String password() {
        return "";
    }

    /** The directory given to {@link #start}. */
    public Path dataDirectory() {
        return cluster.dataDirectory();
    }

    /** Creates {@code database} unless it exists; safe to call from several processes at once. */
    public void createDatabaseIfMissing(String database) {
        String name = checkedName(database);
        try (Connection connection = connect(jdbcUrl(port, SUPERUSER), Duration.ofSeconds(30));
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet found = exists.executeQuery()) {
                if (found.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + name + "\"");
                log.info("Created database {}", name);
            }
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw new EmbeddedRuntimeException(Reason.SERVER_ERROR, "cannot create database " + name, e);
            }
        }
    }

    /**
     * Stops the database only when {@link #close()} is called, not by a JVM shutdown hook of its own; for an owner that
     * closes it in order from its own shutdown hook. The server's processes still end with the JVM.
     */
    public EmbeddedPostgres withoutShutdownHook() {
        closer.detachShutdownHook();
        return this;
    }

    /** Stops the server with a fast shutdown and waits until it and its processes have exited. */
    @Override
    public void close() {
        closer.close();
    }

    private void shutDown() {
        server.stop(STOP_TIMEOUT);
        log.info("PostgreSQL on port {} stopped", port);
    }

    /** The postmaster's process id, from its lock file; -1 when it is not running. */
    long serverPid() {
        return cluster.serverPid();
    }

    private static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://" + Loopback.HOST + ":" + port + "/" + database;
    }

    /** A connection whose every step gives up after {@code timeout}, even against a port that never answers. */
    private static Connection connect(String url, Duration timeout) throws SQLException {
        String seconds = Long.toString(timeout.toSeconds());
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("password", "");
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("loginTimeout", seconds);
        properties.setProperty("socketTimeout", seconds);
        properties.setProperty("ApplicationName", "embedded-postgres");
        return DriverManager.getConnection(url, properties);
    }

    private static String checkedName(String database) {
        if (database == null || !DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("database name must be 1 to 63 letters, digits, '_' or '-', was "
                    + database);
        }
        return database;
    }
}
