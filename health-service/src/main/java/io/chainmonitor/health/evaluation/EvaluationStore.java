package io.chainmonitor.health.evaluation;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The evaluation's tables in the health schema: project states, the offsets they were taken at and the ledger of
 * input events whose findings went out. A checkpoint writes states and offsets in one transaction.
 */
class EvaluationStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    EvaluationStore(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    Optional<StoredProject> load(String projectId) {
        return jdbc.sql("""
                SELECT project_id, chain_type, rule_pack, rules_version, rules::text AS rules,
                       snapshot::text AS snapshot, open_findings::text AS open_findings,
                       recent_events::text AS recent_events
                  FROM evaluation_project WHERE project_id = :id
                """)
                .param("id", projectId)
                .query((rs, row) -> new StoredProject(rs.getString("project_id"), rs.getString("chain_type"),
                        rs.getString("rule_pack"), rs.getLong("rules_version"), rs.getString("rules"),
                        rs.getString("snapshot"), rs.getString("open_findings"), rs.getString("recent_events")))
                .optional();
    }

    /** The checkpointed next offsets of those partitions that have one. */
    Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            jdbc.sql("SELECT next_offset FROM evaluation_offset WHERE topic = :topic AND partition = :partition")
                    .param("topic", partition.topic())
                    .param("partition", partition.partition())
                    .query(Long.class)
                    .optional()
                    .ifPresent(offset -> offsets.put(partition, offset));
        }
        return offsets;
    }

    /** Whether the findings of this input event were published already. */
    boolean emitted(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM evaluation_emission WHERE event_id = :id")
                .param("id", eventId)
                .query(Long.class)
                .single() > 0;
    }

    void recordEmitted(UUID eventId, String projectId, TopicPartition partition, long offset) {
        jdbc.sql("""
                INSERT INTO evaluation_emission (event_id, project_id, topic, partition, "offset")
                VALUES (:id, :project, :topic, :partition, :offset) ON CONFLICT (event_id) DO NOTHING
                """)
                .param("id", eventId)
                .param("project", projectId)
                .param("topic", partition.topic())
                .param("partition", partition.partition())
                .param("offset", offset)
                .update();
    }

    /**
     * Saves the changed projects, forgets the deleted ones and moves the offsets on, in one transaction; the ledger
     * rows before the new offsets are dropped, since no replay goes back that far any more.
     */
    void checkpoint(Collection<StoredProject> projects, Collection<String> deleted,
            Map<TopicPartition, Long> offsets) {
        transactions.executeWithoutResult(status -> {
            projects.forEach(this::save);
            deleted.forEach(id -> jdbc.sql("DELETE FROM evaluation_project WHERE project_id = :id")
                    .param("id", id)
                    .update());
            offsets.forEach((partition, next) -> {
                jdbc.sql("""
                        INSERT INTO evaluation_offset (topic, partition, next_offset, saved_at)
                        VALUES (:topic, :partition, :next, now())
                        ON CONFLICT (topic, partition) DO UPDATE
                           SET next_offset = EXCLUDED.next_offset, saved_at = EXCLUDED.saved_at
                        """)
                        .param("topic", partition.topic())
                        .param("partition", partition.partition())
                        .param("next", next)
                        .update();
                jdbc.sql("""
                        DELETE FROM evaluation_emission
                         WHERE topic = :topic AND partition = :partition AND "offset" < :next
                        """)
                        .param("topic", partition.topic())
                        .param("partition", partition.partition())
                        .param("next", next)
                        .update();
            });
        });
    }

    private void save(StoredProject project) {
        jdbc.sql("""
                INSERT INTO evaluation_project (project_id, chain_type, rule_pack, rules_version, rules, snapshot,
                                                open_findings, recent_events, saved_at)
                VALUES (:id, :chain, :pack, :version, CAST(:rules AS jsonb), CAST(:snapshot AS jsonb),
                        CAST(:open AS jsonb), CAST(:recent AS jsonb), now())
                ON CONFLICT (project_id) DO UPDATE
                   SET chain_type = EXCLUDED.chain_type, rule_pack = EXCLUDED.rule_pack,
                       rules_version = EXCLUDED.rules_version, rules = EXCLUDED.rules, snapshot = EXCLUDED.snapshot,
                       open_findings = EXCLUDED.open_findings, recent_events = EXCLUDED.recent_events,
                       saved_at = EXCLUDED.saved_at
                """)
                .param("id", project.projectId())
                .param("chain", project.chainType())
                .param("pack", project.rulePack())
                .param("version", project.rulesVersion())
                .param("rules", project.rulesJson())
                .param("snapshot", project.snapshotJson())
                .param("open", project.openFindingsJson())
                .param("recent", project.recentEventsJson())
                .update();
    }
}
