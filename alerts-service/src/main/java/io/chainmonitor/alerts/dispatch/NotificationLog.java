package io.chainmonitor.alerts.dispatch;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.chainmonitor.alerts.AlertsApplication;
import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.alert.AlertNotification;
import io.chainmonitor.support.kafka.EventPublisher;

/**
 * The notification log: every attempt, kept in the database and published as {@link AlertNotification} on
 * {@code cm.alerts.notifications.v1}. The event's id is the attempt's id, so a publication repeated after a failure is
 * recognized by consumers.
 */
@Component
public class NotificationLog {

    private static final Logger log = LoggerFactory.getLogger(NotificationLog.class);
    private static final String SOURCE = "/" + AlertsApplication.NAME + "/dispatch";

    private final JdbcClient jdbc;
    private final EventPublisher publisher;
    private final Clock clock;

    NotificationLog(JdbcClient jdbc, EventPublisher publisher, Clock clock) {
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.clock = clock;
    }

    void recordAttempt(UUID id, UUID deliveryId, int attempt, DeliveryResult result, Instant at) {
        String outcome = result instanceof DeliveryResult.Delivered ? "sent" : "failed";
        FailureReason reason = switch (result) {
            case DeliveryResult.Delivered d -> null;
            case DeliveryResult.RetryableFailure f -> f.reason();
            case DeliveryResult.PermanentFailure f -> f.reason();
        };
        String detail = switch (result) {
            case DeliveryResult.Delivered d -> d.detail();
            case DeliveryResult.RetryableFailure f -> f.detail();
            case DeliveryResult.PermanentFailure f -> f.detail();
        };
        jdbc.sql(
                """
                        insert into notification_attempt (id, delivery_id, attempt, outcome, retryable, failure_reason, detail, at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(id, deliveryId, attempt, outcome, result instanceof DeliveryResult.RetryableFailure,
                        reason == null ? null : reason.label(), detail, Timestamp.from(at))
                .update();
    }

    /** Publishes attempts not yet on the broker, oldest first; stops at the first failure, to go on next round. */
    public int publishPending() {
        List<Pending> pending = jdbc.sql("""
                select a.id, a.attempt, a.outcome, a.failure_reason, a.detail, a.at, d.id as delivery_id,
                       d.project_id, d.group_key, d.kind, d.channel, d.recipient, d.tier,
                       d.message ->> 'severity' as severity,
                       array(select jsonb_array_elements(d.message -> 'findings') ->> 'fingerprint') as fingerprints
                from notification_attempt a join delivery d on d.id = a.delivery_id
                where a.published_at is null order by a.at, a.id limit 200
                """)
                .query((rs, row) -> new Pending(rs.getObject("id", UUID.class), rs.getString("project_id"),
                        Severity.fromWire(rs.getString("severity")),
                        new AlertNotification(rs.getObject("delivery_id", UUID.class).toString(),
                                rs.getString("group_key"),
                                fingerprints(rs.getString("group_key"),
                                        (String[]) rs.getArray("fingerprints").getArray()),
                                AlertNotification.Kind.valueOf(rs.getString("kind")), rs.getString("channel"),
                                rs.getString("recipient"), rs.getString("tier"),
                                "sent".equals(rs.getString("outcome"))
                                        ? AlertNotification.Outcome.SENT
                                        : AlertNotification.Outcome.FAILED,
                                failure(rs.getString("failure_reason"), rs.getString("detail")),
                                rs.getInt("attempt"), rs.getTimestamp("at").toInstant())))
                .list();
        int published = 0;
        for (Pending attempt : pending) {
            Envelope<AlertNotification> event = new Envelope<>(Envelope.SPEC_VERSION, attempt.id().toString(),
                    attempt.notification().eventType().type(), SOURCE,
                    "projects/" + attempt.projectId() + "/alerts/" + attempt.notification().groupKey(),
                    clock.instant(), Envelope.JSON, attempt.projectId(), attempt.severity(), attempt.notification());
            try {
                publisher.publish(event).get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return published;
            } catch (ExecutionException | TimeoutException e) {
                log.warn("notification log publication paused after {} events: {}", published, e.toString());
                return published;
            }
            jdbc.sql("update notification_attempt set published_at = ? where id = ?")
                    .params(Timestamp.from(clock.instant()), attempt.id()).update();
            published++;
        }
        return published;
    }

    /** A report's message names no finding: the notification is then about its group, {@code report:<id>}. */
    private static List<String> fingerprints(String groupKey, String[] fingerprints) {
        return fingerprints.length == 0 ? List.of(groupKey) : List.of(fingerprints);
    }

    private static String failure(String reason, String detail) {
        if (reason == null) {
            return null;
        }
        return detail == null ? reason : reason + ": " + detail;
    }

    private record Pending(UUID id, String projectId, Severity severity, AlertNotification notification) {
    }
}
