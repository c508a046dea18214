package io.chainmonitor.reporter.ingest;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.events.ChainRef;
import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.EventCodec;
import io.chainmonitor.events.finding.Finding;

/**
 * Folds a finding event into its incident: one row per fingerprint and {@code startsAt}, so that a re-fire after a
 * resolve is a new incident. The fold is commutative, so any delivery order ends in the same row: resolved wins over
 * firing, the most severe tier wins, the first and last signal times are the minimum and maximum, and the
 * descriptive fields come from the latest event (by event time, then id).
 */
@Repository
class IncidentStore {

    /** The descriptive columns, taken from whichever event is the latest (by event time, then id). */
    private static final String LATEST_WINS = Stream
            .of("rule_id", "attack", "title", "summary", "chain_type", "height", "block_hash", "replica_id",
                    "evidence", "labels", "recommended_actions", "latest_event_id", "latest_event_at")
            .map(column -> column + " = CASE WHEN (EXCLUDED.latest_event_at, EXCLUDED.latest_event_id)"
                    + " > (i.latest_event_at, i.latest_event_id) THEN EXCLUDED." + column + " ELSE i." + column
                    + " END")
            .collect(Collectors.joining(",\n"));

    private final JdbcClient jdbc;
    private final JsonMapper json;

    IncidentStore(JdbcClient jdbc, EventCodec codec) {
        this.jdbc = jdbc;
        this.json = codec.mapper();
    }

    /**
     * The incident's id, derived from what identifies it (project, fingerprint, start), so that the same events give
     * the same id in any order and on any instance.
     */
    static UUID incidentId(String projectId, Finding finding) {
        return UUID.nameUUIDFromBytes((projectId + "\n" + finding.fingerprint() + "\n" + finding.startsAt())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Folds the finding in and returns its incident's id. */
    UUID fold(Envelope<?> envelope, Finding finding) {
        ChainRef chain = finding.chain();
        return jdbc.sql("""
                INSERT INTO incident AS i (id, project_id, fingerprint, starts_at, status, severity, severity_rank,
                       rule_id, attack, title, summary, chain_type, height, block_hash, replica_id, evidence, labels,
                       recommended_actions, ends_at, first_signal_at, last_signal_at, latest_event_id,
                       latest_event_at, event_count)
                VALUES (:id, :project, :fingerprint, :startsAt, :status, :severity, :rank, :rule, :attack, :title,
                        :summary, :chainType, :height, :blockHash, :replica, CAST(:evidence AS jsonb),
                        CAST(:labels AS jsonb), CAST(:recommended AS jsonb), :endsAt, :eventAt, :eventAt, :eventId,
                        :eventAt, 1)
                ON CONFLICT (project_id, fingerprint, starts_at) DO UPDATE SET
                    status = CASE WHEN i.status = 'resolved' OR EXCLUDED.status = 'resolved'
                                  THEN 'resolved' ELSE 'firing' END,
                    severity = CASE WHEN EXCLUDED.severity_rank < i.severity_rank
                                    THEN EXCLUDED.severity ELSE i.severity END,
                    severity_rank = LEAST(i.severity_rank, EXCLUDED.severity_rank),
                    ends_at = GREATEST(i.ends_at, EXCLUDED.ends_at),
                    first_signal_at = LEAST(i.first_signal_at, EXCLUDED.first_signal_at),
                    last_signal_at = GREATEST(i.last_signal_at, EXCLUDED.last_signal_at),
                    event_count = i.event_count + 1,
                    updated_at = now(),
                    %s
                RETURNING id
                """.formatted(LATEST_WINS))
                .param("id", incidentId(envelope.projectid(), finding))
                .param("project", envelope.projectid())
                .param("fingerprint", finding.fingerprint())
                .param("startsAt", Timestamp.from(finding.startsAt()))
                .param("status", finding.status() == Finding.Status.RESOLVED ? "resolved" : "firing")
                .param("severity", envelope.severity().wireName())
                .param("rank", envelope.severity().ordinal())
                .param("rule", finding.ruleId())
                .param("attack", finding.attack())
                .param("title", finding.title())
                .param("summary", finding.summary())
                .param("chainType", chain.type())
                .param("height", chain.height())
                .param("blockHash", chain.blockHash())
                .param("replica", finding.replicaId())
                .param("evidence", finding.evidence() == null ? null : json.writeValueAsString(finding.evidence()))
                .param("labels", json.writeValueAsString(finding.labels()))
                .param("recommended", json.writeValueAsString(finding.recommendedActions()))
                .param("endsAt", finding.endsAt() == null ? null : Timestamp.from(finding.endsAt()))
                .param("eventAt", Timestamp.from(envelope.time()))
                .param("eventId", UUID.fromString(envelope.id()))
                .query(UUID.class)
                .single();
    }
}
