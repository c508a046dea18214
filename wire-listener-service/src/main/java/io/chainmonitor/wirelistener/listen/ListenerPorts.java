package io.chainmonitor.wirelistener.listen;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The public port numbers of each replica, in table {@code listener_port}, reused when a replica's ports reopen. */
public class ListenerPorts {

    private final JdbcClient jdbc;

    public ListenerPorts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ports a replica had; a component is 0 when it had none. */
    record Ports(int rpc, int p2p) {
    }

    Optional<Ports> find(ReplicaKey replica) {
        return jdbc.sql("select rpc_port, p2p_port from listener_port where project_id = :p and replica_id = :r")
                .param("p", replica.projectId()).param("r", replica.replicaId())
                .query((rs, n) -> new Ports(rs.getInt(1), rs.getInt(2))).optional();
    }

    void save(ReplicaKey replica, Integer rpc, Integer p2p) {
        jdbc.sql("""
                insert into listener_port (project_id, replica_id, rpc_port, p2p_port) values (:p, :r, :rpc, :p2p)
                on conflict (project_id, replica_id) do update set rpc_port = :rpc, p2p_port = :p2p""")
                .param("p", replica.projectId()).param("r", replica.replicaId()).param("rpc", rpc)
                .param("p2p", p2p).update();
    }

    void forget(String projectId) {
        jdbc.sql("delete from listener_port where project_id = :p").param("p", projectId).update();
    }
}
