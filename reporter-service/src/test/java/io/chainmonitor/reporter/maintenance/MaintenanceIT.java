package io.chainmonitor.reporter.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.chainmonitor.events.EventType;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.audit.AuditEntry;
import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.events.fixtures.Fixtures;
import io.chainmonitor.reporter.ReporterIT;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MaintenanceIT extends ReporterIT {

    private static final AuditEntry AUDIT = Fixtures.payload(EventType.AUDIT_ENTRY, AuditEntry.class);

    @Autowired
    PartitionMaintenance partitions;

    @Autowired
    RetentionPurge purge;

    private final String alice = "alice-" + UUID.randomUUID();

    @AfterEach
    void clockBack() {
        CLOCK.set(START);
        partitions.maintain();
    }

    @Test
    void dailyPartitionsExistAheadAndALateDayTakesItsRowsFromTheDefaultPartition() {
        partitions.maintain();
        assertThat(partitions.partitions("event")).contains("event_default", "event_p20261121", "event_p20261122",
                "event_p20261125");
        assertThat(partitions.partitions("metric_sample")).contains("metric_sample_p20261125");

        String project = project(alice);
        Instant later = Instant.parse("2026-11-28T10:00:00Z");
        send(event(project, Severity.LOW, later, audit(later)));
        await().until(() -> partitionOfAudit(project).equals(List.of("event_default")));

        CLOCK.set(Instant.parse("2026-11-27T08:00:00Z"));
        partitions.maintain();

        assertThat(partitionOfAudit(project)).containsExactly("event_p20261128");
        assertThat(partitions.partitions("event")).contains("event_p20261130");
    }

    @Test
    void rawSamplesOlderThanTheirWindowArePartitionsDroppedWhileRollupsStay() {
        CLOCK.set(START.plus(Duration.ofDays(5)));
        partitions.maintain();

        assertThat(partitions.partitions("metric_sample")).doesNotContain("metric_sample_p20261122")
                .contains("metric_sample_p20261126", "metric_sample_p20261130");
        assertThat(partitions.partitions("event")).contains("event_p20261122");
    }

    @Test
    void thePurgeDeletesEachKindPastItsRetentionAndKeepsTheRest() {
        String project = project(alice);
        Instant old = START.minus(Duration.ofDays(401));
        Instant recent = START.minus(Duration.ofDays(1));
        send(event(project, Severity.LOW, old, audit(old)));
        send(event(project, Severity.LOW, recent, audit(recent)));
        send(event(project, Severity.LOW, START, new MetricBatch("r-1", "litecoin", null, null,
                START.minus(Duration.ofDays(3)), "spawner",
                List.of(new MetricBatch.Sample("node.cpu.ratio", 0.5, "ratio", Map.of())))));
        await().until(() -> count("SELECT count(*) FROM event WHERE project_id = :p", project) == 2
                && count("SELECT count(*) FROM metric_sample WHERE project_id = :p", project) == 1);

        Map<String, Integer> deleted = purge.purge();

        assertThat(deleted.get("audit")).isPositive();
        assertThat(jdbc.sql("SELECT at FROM event WHERE project_id = :p").param("p", project)
                .query(java.sql.Timestamp.class).list()).extracting(java.sql.Timestamp::toInstant)
                .containsExactly(recent);
        assertThat(count("SELECT count(*) FROM metric_sample WHERE project_id = :p", project)).isZero();
        assertThat(count("SELECT count(*) FROM metric_rollup WHERE project_id = :p", project)).isEqualTo(2);
    }

    private long count(String sql, String project) {
        return jdbc.sql(sql).param("p", project).query(Long.class).single();
    }

    private List<String> partitionOfAudit(String project) {
        return jdbc.sql("SELECT tableoid::regclass::text FROM event WHERE project_id = :p").param("p", project)
                .query(String.class).list();
    }

    private static AuditEntry audit(Instant at) {
        return new AuditEntry(AUDIT.actor(), AUDIT.actorType(), AUDIT.action(), AUDIT.resourceType(),
                AUDIT.resourceId(), AUDIT.outcome(), at, AUDIT.sourceAddress(), AUDIT.changes());
    }
}
