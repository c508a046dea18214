package io.chainmonitor.reporter.ingest;

import java.sql.Timestamp;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.EventCodec;

/** Writes kept events: the whole envelope as jsonb beside the indexed columns of its {@link EventRow}. */
@Repository
class EventStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EventStore(JdbcClient jdbc, EventCodec codec) {
        this.jdbc = jdbc;
        this.json = codec.mapper();
    }

    void insert(Envelope<?> envelope, String envelopeJson, EventRow row) {
        jdbc.sql("""
                INSERT INTO event (id, kind, project_id, severity, severity_rank, at, replica_id, status, rule, attack,
                                   fingerprints, title, summary, envelope)
                VALUES (:id, :kind, :project, :severity, :rank, :at, :replica, :status, :rule, :attack,
                        CAST(:fingerprints AS jsonb), :title, :summary, CAST(:envelope AS jsonb))
                """)
                .param("id", UUID.fromString(envelope.id()))
                .param("kind", row.kind().column())
                .param("project", envelope.projectid())
                .param("severity", envelope.severity().wireName())
                .param("rank", envelope.severity().ordinal())
                .param("at", Timestamp.from(row.at()))
                .param("replica", row.replicaId())
                .param("status", row.status())
                .param("rule", row.rule())
                .param("attack", row.attack())
                .param("fingerprints", json.writeValueAsString(row.fingerprints()))
                .param("title", row.title())
                .param("summary", row.summary())
                .param("envelope", envelopeJson)
                .update();
    }
}
