package io.chainmonitor.health.check;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The state health checks and the dead man's switch read: replicas, projects, firing findings, reports. */
@Repository
public class CheckState {

    private static final RowMapper<ReplicaRow> REPLICA = (rs, n) -> new ReplicaRow(rs.getString("project_id"),
            rs.getString("replica_id"), rs.getString("chain_type"), rs.getString("lifecycle"),
            rs.getTimestamp("lifecycle_at").toInstant(),
            rs.getTimestamp("last_metric_at") == null ? null : rs.getTimestamp("last_metric_at").toInstant(),
            (Long) rs.getObject("height"), (Integer) rs.getObject("peers"), (Boolean) rs.getObject("syncing"),
            (Boolean) rs.getObject("rpc_available"));

    private final JdbcClient jdbc;

    CheckState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void project(String projectId, String chainType, Instant firstCheckAt) {
        jdbc.sql("""
                INSERT INTO check_project (project_id, chain_type, next_check_at) VALUES (:p, :c, :at)
                ON CONFLICT (project_id) DO UPDATE SET chain_type = EXCLUDED.chain_type""")
                .param("p", projectId).param("c", chainType).param("at", Timestamp.from(firstCheckAt)).update();
    }

    void forgetProject(String projectId) {
        for (String table : List.of("check_project", "check_replica", "check_firing")) {
            jdbc.sql("DELETE FROM " + table + " WHERE project_id = :p").param("p", projectId).update();
        }
    }

    boolean knows(String projectId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM check_project WHERE project_id = :p)
                    OR EXISTS (SELECT 1 FROM check_replica WHERE project_id = :p)""").param("p", projectId)
                .query(Boolean.class).single();
    }

    /** A lifecycle event; an older one never overwrites a newer state. */
    void lifecycle(String projectId, String replicaId, String chainType, String state, Instant at) {
        jdbc.sql("""
                INSERT INTO check_replica (project_id, replica_id, chain_type, lifecycle, lifecycle_at)
                VALUES (:p, :r, :c, :s, :at)
                ON CONFLICT (project_id, replica_id) DO UPDATE
                   SET lifecycle = EXCLUDED.lifecycle, lifecycle_at = EXCLUDED.lifecycle_at,
                       chain_type = EXCLUDED.chain_type
                 WHERE check_replica.lifecycle_at <= EXCLUDED.lifecycle_at""")
                .param("p", projectId).param("r", replicaId).param("c", chainType).param("s", state)
                .param("at", Timestamp.from(at)).update();
    }

    /**
     * A metric batch: only the values it carries change. A batch that arrives before the replica's lifecycle event
     * (the topics are read independently) makes the row with an unknown lifecycle, which the event then sets.
     */
    void metrics(String projectId, String replicaId, String chainType, Instant at, Long height, Integer peers,
            Boolean syncing, Boolean rpcAvailable) {
        jdbc.sql("""
                INSERT INTO check_replica (project_id, replica_id, chain_type, lifecycle, lifecycle_at, last_metric_at,
                                           height, peers, syncing, rpc_available)
                VALUES (:p, :r, :c, 'UNKNOWN', TIMESTAMPTZ '1970-01-01 00:00:00+00', :at, :height, :peers,
                        :syncing, :rpc)
                ON CONFLICT (project_id, replica_id) DO UPDATE
                   SET last_metric_at = GREATEST(COALESCE(check_replica.last_metric_at, EXCLUDED.last_metric_at),
                                                 EXCLUDED.last_metric_at),
                       height = COALESCE(EXCLUDED.height, check_replica.height),
                       peers = COALESCE(EXCLUDED.peers, check_replica.peers),
                       syncing = COALESCE(EXCLUDED.syncing, check_replica.syncing),
                       rpc_available = COALESCE(EXCLUDED.rpc_available, check_replica.rpc_available)""")
                .param("at", Timestamp.from(at)).param("height", height).param("peers", peers)
                .param("syncing", syncing).param("rpc", rpcAvailable).param("p", projectId).param("r", replicaId)
                .param("c", chainType).update();
    }

    void firing(String projectId, String fingerprint, String ruleId, String severity, Instant since) {
        jdbc.sql("""
                INSERT INTO check_firing (project_id, fingerprint, rule_id, severity, since)
                VALUES (:p, :f, :r, :s, :since) ON CONFLICT (project_id, fingerprint) DO NOTHING""")
                .param("p", projectId).param("f", fingerprint).param("r", ruleId).param("s", severity)
                .param("since", Timestamp.from(since)).update();
    }

    void resolved(String projectId, String fingerprint) {
        jdbc.sql("DELETE FROM check_firing WHERE project_id = :p AND fingerprint = :f").param("p", projectId)
                .param("f", fingerprint).update();
    }

    List<ReplicaRow> replicas(String projectId) {
        return jdbc
                .sql("SELECT * FROM check_replica WHERE project_id = :p AND lifecycle <> 'STOPPED' ORDER BY replica_id")
                .param("p", projectId).query(REPLICA).list();
    }

    /** Replicas announced running, of every project: the dead man's switch watches these. */
    public List<ReplicaRow> runningReplicas() {
        return jdbc.sql("SELECT * FROM check_replica WHERE lifecycle = 'RUNNING' ORDER BY project_id, replica_id")
                .query(REPLICA).list();
    }

    /** Whether a replica is announced running now. */
    public boolean isRunning(String projectId, String replicaId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM check_replica WHERE project_id = :p AND replica_id = :r
                                                               AND lifecycle = 'RUNNING')""")
                .param("p", projectId).param("r", replicaId).query(Boolean.class).single();
    }

    /** Firing findings of a project by severity (wire name → count). */
    Map<String, Integer> firingBySeverity(String projectId) {
        return jdbc.sql("SELECT severity, count(*) AS n FROM check_firing WHERE project_id = :p GROUP BY severity")
                .param("p", projectId)
                .query((rs, n) -> Map.entry(rs.getString("severity"), rs.getInt("n"))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    String chainType(String projectId) {
        return jdbc.sql("SELECT chain_type FROM check_project WHERE project_id = :p").param("p", projectId)
                .query(String.class).optional()
                .orElseGet(() -> jdbc.sql("SELECT chain_type FROM check_replica WHERE project_id = :p LIMIT 1")
                        .param("p", projectId).query(String.class).optional().orElse(null));
    }

    /**
     * Claims the projects due for a periodic check; a project claimed by one instance is not due for another. Each
     * is next due after the interval plus a random spread of up to a tenth of it, so that projects created together
     * drift apart instead of being checked in one burst forever.
     */
    List<String> claimDue(Instant now, Duration interval) {
        return jdbc
                .sql("""
                        UPDATE check_project
                           SET next_check_at = CAST(:next AS timestamptz) + (random() * :spreadMillis) * interval '1 millisecond'
                         WHERE next_check_at <= :now RETURNING project_id""")
                .param("now", Timestamp.from(now)).param("next", Timestamp.from(now.plus(interval)))
                .param("spreadMillis", interval.toMillis() / 10).query(String.class).list();
    }

    /** When the project is next due for a periodic check; empty when the health service does not know it. */
    public Optional<Instant> nextCheckAt(String projectId) {
        return jdbc.sql("SELECT next_check_at FROM check_project WHERE project_id = :p").param("p", projectId)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    void saveReport(UUID id, String projectId, String trigger, Instant at, String overall, String json) {
        jdbc.sql("""
                INSERT INTO health_report (id, project_id, trigger, generated_at, overall, report)
                VALUES (:id, :p, :t, :at, :o, CAST(:r AS jsonb))""")
                .param("id", id).param("p", projectId).param("t", trigger).param("at", Timestamp.from(at))
                .param("o", overall).param("r", json).update();
    }

    List<String> reports(String projectId, int limit) {
        return jdbc.sql("""
                SELECT report::text FROM health_report WHERE project_id = :p ORDER BY generated_at DESC LIMIT :n""")
                .param("p", projectId).param("n", limit).query(String.class).list();
    }

    java.util.Optional<String> report(String projectId, UUID id) {
        return jdbc.sql("SELECT report::text FROM health_report WHERE project_id = :p AND id = :id")
                .param("p", projectId).param("id", id).query(String.class).optional();
    }
}
