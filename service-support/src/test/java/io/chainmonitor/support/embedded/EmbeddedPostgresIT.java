package io.chainmonitor.support.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.chainmonitor.support.embedded.test.BuildDirectory;
import io.chainmonitor.support.embedded.test.BuildTempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresIT {

    private static final Path RUNTIME = BuildDirectory.postgresRuntimeCache();

    private final List<EmbeddedPostgres> servers = new ArrayList<>();

    @AfterEach
    void closeServers() {
        servers.forEach(EmbeddedPostgres::close);
    }

    @Test
    void startsAServerThatAcceptsJdbcConnectionsOnLoopbackOnly(@BuildTempDir Path directory) throws Exception {
        EmbeddedPostgres postgres = start(directory);

        assertThat(postgres.jdbcUrl("postgres"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres");
        try (Connection connection = connect(postgres, "postgres");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT version(), current_user,"
                        + " current_setting('listen_addresses'), current_setting('server_encoding'),"
                        + " current_setting('max_connections'), current_setting('fsync')")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).startsWith("PostgreSQL 18.");
            assertThat(row.getString(2)).isEqualTo(postgres.username()).isEqualTo("postgres");
            assertThat(row.getString(3)).isEqualTo("127.0.0.1");
            assertThat(row.getString(4)).isEqualTo("UTF8");
            assertThat(row.getInt(5)).isEqualTo(200);
            assertThat(row.getString(6)).isEqualTo("on");
        }
        LoopbackOnly.assertServedOnLoopbackOnly(postgres.port());
    }

    @Test
    void createsADatabaseOnceAndServesIt(@BuildTempDir Path directory) throws Exception {
        EmbeddedPostgres postgres = start(directory);

        postgres.createDatabaseIfMissing("reporter");
        postgres.createDatabaseIfMissing("reporter");

        try (Connection connection = connect(postgres, "reporter");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_database(),"
                        + " (SELECT count(*) FROM pg_database WHERE datname = 'reporter')")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("reporter");
            assertThat(row.getInt(2)).isEqualTo(1);
        }
    }

    @Test
    void aRowWrittenSurvivesCloseAndStartOnTheSameDirectory(@BuildTempDir Path directory) throws Exception {
        EmbeddedPostgres first = start(directory);
        writeSilence(first, "maintenance window");
        first.close();

        EmbeddedPostgres second = start(directory);

        assertThat(readSilence(second)).isEqualTo("maintenance window");
    }

    @Test
    void aLockFileLeftByAKilledServerDoesNotBlockARestart(@BuildTempDir Path directory) throws Exception {
        EmbeddedPostgres killed = start(directory);
        writeSilence(killed, "before the crash");
        ProcessHandle postmaster = ProcessHandle.of(killed.serverPid()).orElseThrow();
        postmaster.destroyForcibly();
        postmaster.onExit().get(10, TimeUnit.SECONDS);
        assertThat(lockFile(directory)).exists();

        EmbeddedPostgres restarted = start(directory);

        assertThat(readSilence(restarted)).isEqualTo("before the crash");
    }

    @Test
    void aLockFileNamingAnotherLiveProcessDoesNotBlockARestart(@BuildTempDir Path directory) throws Exception {
        EmbeddedPostgres first = start(directory);
        Path lockFile = lockFile(directory);
        List<String> lock = Files.readAllLines(lockFile);
        first.close();
        // As after a crash when the old server's pid now belongs to another process (here, this JVM).
        lock.set(0, Long.toString(ProcessHandle.current().pid()));
        Files.write(lockFile, lock);

        EmbeddedPostgres restarted = start(directory);

        assertThat(restarted.serverPid()).isPositive().isNotEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void closeLeavesNoPostgresProcessBehind(@BuildTempDir Path directory) throws Exception {
        EmbeddedPostgres postgres = start(directory);
        long postmaster = postgres.serverPid();
        try (Connection connection = connect(postgres, "postgres")) {
            assertThat(postgresProcesses()).contains(postmaster).hasSizeGreaterThan(1);
        }

        postgres.close();

        assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(postgresProcesses()).isEmpty();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(lockFile(directory)).doesNotExist();
    }

    @Test
    void unpacksTheBinariesOnceIntoTheDataDirectoryByDefault(@BuildTempDir Path directory) throws Exception {
        EmbeddedPostgres first = EmbeddedPostgres.start(directory, 0);
        servers.add(first);
        Path postgresProgram = onlyChild(directory.resolve("runtime")).resolve("bin/postgres");
        assertThat(postgresProgram).isExecutable();
        FileTime unpacked = Files.getLastModifiedTime(postgresProgram);
        first.close();

        servers.add(EmbeddedPostgres.start(directory, 0));

        assertThat(onlyChild(directory.resolve("runtime")).resolve("bin/postgres")).isEqualTo(postgresProgram);
        assertThat(Files.getLastModifiedTime(postgresProgram)).isEqualTo(unpacked);
    }

    @Test
    void aTakenPortFailsTheStartWithTheServerLogAndLeavesNothingRunning(@BuildTempDir Path directory)
            throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> start(directory, taken.getLocalPort()))
                    .isInstanceOfSatisfying(EmbeddedRuntimeException.class,
                            e -> assertThat(e.reason()).isEqualTo(EmbeddedRuntimeException.Reason.START_FAILED))
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("could not bind");
        }
        assertThat(postgresProcesses()).isEmpty();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    }

    private EmbeddedPostgres start(Path directory) {
        return start(directory, 0);
    }

    private EmbeddedPostgres start(Path directory, int port) {
        EmbeddedPostgres postgres = EmbeddedPostgres.start(directory, port, RUNTIME);
        servers.add(postgres);
        return postgres;
    }

    private static Connection connect(EmbeddedPostgres postgres, String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }

    /** Writes one row into a table of a database of its own. */
    private static void writeSilence(EmbeddedPostgres postgres, String reason) throws SQLException {
        postgres.createDatabaseIfMissing("alerts");
        try (Connection connection = connect(postgres, "alerts"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE silence (id int PRIMARY KEY, reason text)");
            statement.execute("INSERT INTO silence VALUES (1, '" + reason + "')");
        }
    }

    private static String readSilence(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = connect(postgres, "alerts");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT reason FROM silence WHERE id = 1")) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }

    private static Path lockFile(Path directory) {
        return directory.resolve("pgdata/postmaster.pid");
    }

    /** Every process running the PostgreSQL these tests unpacked, servers and backends alike. */
    private static List<Long> postgresProcesses() {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info()
                        .command()
                        .filter(command -> command.startsWith(RUNTIME.toString()) && command.endsWith("/postgres"))
                        .isPresent())
                .map(ProcessHandle::pid)
                .toList();
    }

    private static Path onlyChild(Path directory) throws IOException {
        try (var children = Files.list(directory)) {
            List<Path> all = children.toList();
            assertThat(all).hasSize(1);
            return all.getFirst();
        }
    }
}
