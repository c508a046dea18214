package io.chainmonitor.reporter.report;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.EventCodec;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.report.ReportReady;
import io.chainmonitor.support.kafka.EventPublisher;

/**
 * Announces scheduled reports on {@code cm.reports.v1} through an outbox: the {@link ReportReady} is written in the
 * transaction that stores the report and published after commit, so a report is never announced without being stored
 * nor lost when the broker is down (the next relay sends it; at least once, readers deduplicate by event id).
 */
@Component
class ReadyReports {

    private static final Logger log = LoggerFactory.getLogger(ReadyReports.class);
    private static final String SOURCE = "/reporter-service";
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final EventPublisher publisher;
    private final Clock clock;

    ReadyReports(JdbcClient jdbc, EventCodec codec, EventPublisher publisher, Clock reporterClock) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.publisher = publisher;
        this.clock = reporterClock;
    }

    /** Keeps the announcement of a stored report; only inside the transaction that stored it. */
    @Transactional(propagation = Propagation.MANDATORY)
    void announce(ReportStore.StoredReport report) {
        ReportReady ready = new ReportReady(report.projectId(), report.id().toString(), report.kind(), report.title(),
                report.periodFrom(), report.periodTo(), report.trigger(),
                "/api/v1/projects/" + report.projectId() + "/reports/" + report.id());
        Envelope<ReportReady> envelope = Envelope.of(SOURCE,
                "projects/" + report.projectId() + "/reports/" + report.id(), report.projectId(), Severity.LOW,
                ready);
        jdbc.sql("""
                INSERT INTO report_ready_outbox (event_id, report_id, envelope, created_at)
                VALUES (:id, :report, CAST(:envelope AS jsonb), :at)
                """).param("id", envelope.uuid()).param("report", report.id())
                .param("envelope", new String(codec.write(envelope), StandardCharsets.UTF_8))
                .param("at", Timestamp.from(clock.instant())).update();
    }

    /**
     * Publishes what is not sent yet, oldest first; stops at the first failure, which the next run retries. Kafka
     * acknowledges before the row is marked, so a crash in between sends the event again rather than never.
     */
    @Scheduled(initialDelayString = "${chain-monitor.reporter.schedule.relay-interval:10s}", fixedDelayString = "${chain-monitor.reporter.schedule.relay-interval:10s}")
    synchronized int relay() {
        List<Pending> pending = jdbc.sql("""
                SELECT event_id, envelope::text FROM report_ready_outbox WHERE sent_at IS NULL
                 ORDER BY created_at, event_id LIMIT :batch
                """).param("batch", BATCH)
                .query((rs, row) -> new Pending(rs.getObject(1, UUID.class), rs.getString(2))).list();
        int sent = 0;
        for (Pending event : pending) {
            try {
                publisher.publish(codec.read(event.envelope().getBytes(StandardCharsets.UTF_8)))
                        .get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return sent;
            } catch (ExecutionException | TimeoutException e) {
                log.warn("report announcements paused after {} of {}: {}", sent, pending.size(), e.toString());
                return sent;
            }
            jdbc.sql("UPDATE report_ready_outbox SET sent_at = :at WHERE event_id = :id")
                    .param("at", Timestamp.from(clock.instant())).param("id", event.id()).update();
            sent++;
        }
        return sent;
    }

    private record Pending(UUID id, String envelope) {
    }
}
