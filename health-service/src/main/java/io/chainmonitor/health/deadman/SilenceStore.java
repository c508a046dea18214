package io.chainmonitor.health.deadman;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The silences reported as firing, in table {@code deadman_silence}. */
@Repository
class SilenceStore {

    private final JdbcClient jdbc;

    SilenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the switch's lock for the current transaction; false when another instance holds it. */
    boolean tryLock() {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('health.deadman'))").query(Boolean.class).single();
    }

    /** Open silences by key: the finding that fired, as JSON. */
    Map<String, Open> open() {
        return jdbc.sql("SELECT silence_key, kind, project_id, fingerprint, since, finding::text FROM deadman_silence")
                .query((rs, n) -> new Open(rs.getString("silence_key"), rs.getString("kind"),
                        rs.getString("project_id"), rs.getString("fingerprint"),
                        rs.getTimestamp("since").toInstant(), rs.getString("finding")))
                .list().stream().collect(Collectors.toMap(Open::key, o -> o));
    }

    int count() {
        return jdbc.sql("SELECT count(*) FROM deadman_silence").query(Integer.class).single();
    }

    void insert(String key, String kind, String projectId, String fingerprint, Instant since, String finding) {
        jdbc.sql("""
                INSERT INTO deadman_silence (silence_key, kind, project_id, fingerprint, since, finding)
                VALUES (:k, :kind, :p, :f, :since, CAST(:finding AS jsonb)) ON CONFLICT (silence_key) DO NOTHING""")
                .param("k", key).param("kind", kind).param("p", projectId).param("f", fingerprint)
                .param("since", Timestamp.from(since)).param("finding", finding).update();
    }

    void delete(String key) {
        jdbc.sql("DELETE FROM deadman_silence WHERE silence_key = :k").param("k", key).update();
    }

    record Open(String key, String kind, String projectId, String fingerprint, Instant since, String finding) {
    }
}
