package io.chainmonitor.support.embedded;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresClusterTest {

    private static final Path HOME = Path.of("/opt/postgres");

    @Test
    void putsTheSocketInsideTheClusterDirectory() {
        PostgresCluster cluster = new PostgresCluster(Path.of("/srv/chain-monitor/data/postgres"), HOME,
                UnprivilegedUser.current());

        assertThat(cluster.settings()).contains("unix_socket_directories=/srv/chain-monitor/data/postgres/pgdata",
                "listen_addresses=127.0.0.1", "max_connections=200", "fsync=on");
    }

    @Test
    void opensNoSocketWhenTheDirectoryPathIsTooLongForOne() {
        PostgresCluster cluster = new PostgresCluster(Path.of("/srv/" + "deeply-nested/".repeat(8) + "postgres"), HOME,
                UnprivilegedUser.current());

        assertThat(cluster.settings()).contains("unix_socket_directories=").contains("listen_addresses=127.0.0.1");
    }

    @Test
    void keepsTheClusterAndItsLogInsideTheDataDirectory() {
        PostgresCluster cluster = new PostgresCluster(Path.of("/srv/data"), HOME, UnprivilegedUser.current());

        assertThat(cluster.clusterDirectory()).isEqualTo(Path.of("/srv/data/pgdata"));
        assertThat(cluster.log()).isEqualTo(Path.of("/srv/data/postgres.log"));
        assertThat(cluster.program("initdb")).isEqualTo(Path.of("/opt/postgres/bin/initdb"));
    }
}
