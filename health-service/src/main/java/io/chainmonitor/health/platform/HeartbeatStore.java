package io.chainmonitor.health.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chainmonitor.events.heartbeat.Heartbeat;

/** The last heartbeat of each service instance, in the health schema. */
@Repository
public class HeartbeatStore {

    private final JdbcClient jdbc;

    HeartbeatStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a heartbeat; an older or redelivered one never moves the last-seen time back. */
    void record(Heartbeat heartbeat) {
        jdbc.sql("""
                INSERT INTO service_heartbeat (service, instance_id, version, started_at, last_seen_at, status)
                VALUES (:service, :instance, :version, :started, :seen, :status)
                ON CONFLICT (service, instance_id) DO UPDATE
                   SET version = EXCLUDED.version, started_at = EXCLUDED.started_at,
                       last_seen_at = EXCLUDED.last_seen_at, status = EXCLUDED.status
                 WHERE service_heartbeat.last_seen_at < EXCLUDED.last_seen_at
                """)
                .param("service", heartbeat.service())
                .param("instance", heartbeat.instanceId())
                .param("version", heartbeat.version())
                .param("started", Timestamp.from(heartbeat.startedAt()))
                .param("seen", Timestamp.from(heartbeat.at()))
                .param("status", heartbeat.status())
                .update();
    }

    /** Every service instance ever heard of, with its last heartbeat. */
    public List<ServiceInstance> all() {
        return jdbc.sql("""
                SELECT service, instance_id, version, started_at, last_seen_at, status
                  FROM service_heartbeat ORDER BY service, instance_id
                """)
                .query((rs, row) -> new ServiceInstance(rs.getString("service"), rs.getString("instance_id"),
                        rs.getString("version"), rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("last_seen_at").toInstant(), rs.getString("status")))
                .list();
    }

    /** One service instance as its heartbeats describe it. */
    public record ServiceInstance(String service, String instanceId, String version, Instant startedAt,
            Instant lastSeenAt,
            String status) {
    }
}
