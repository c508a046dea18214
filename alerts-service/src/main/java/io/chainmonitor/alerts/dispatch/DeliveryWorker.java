package io.chainmonitor.alerts.dispatch;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.chainmonitor.alerts.AlertsProperties;
import io.chainmonitor.events.Uuid7;

/**
 * Sends due deliveries through their channel's {@link Notifier}, one attempt each per round: it claims them first
 * (a lease, so that two instances or a restart do not send one twice while it is in flight), then writes the attempt
 * to the notification log and schedules a retry with back-off for a retryable failure, until the attempts run out.
 */
@Component
public class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    // Long enough for any one send (timeouts bound it); a crash in flight is retried after it, at most once more.
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final DeliveryQueue queue;
    private final Recipients recipients;
    private final Map<Channel, Notifier> notifiers = new EnumMap<>(Channel.class);
    private final NotificationLog notificationLog;
    private final AlertsProperties.Delivery settings;
    private final Backoff backoff;
    private final Clock clock;
    private final MeterRegistry meters;

    DeliveryWorker(JdbcClient jdbc, TransactionTemplate transactions, DeliveryQueue queue, Recipients recipients,
            List<Notifier> notifiers, NotificationLog notificationLog, AlertsProperties properties, Clock clock,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.queue = queue;
        this.recipients = recipients;
        notifiers.forEach(notifier -> this.notifiers.put(notifier.channel(), notifier));
        this.notificationLog = notificationLog;
        this.settings = properties.delivery();
        this.backoff = new Backoff(settings, () -> ThreadLocalRandom.current().nextDouble());
        this.clock = clock;
        this.meters = meters;
    }

    /** Sends what is due now; returns how many attempts were made. */
    public int sendDue() {
        List<Claimed> claimed = transactions.execute(status -> claim(clock.instant()));
        for (Claimed delivery : claimed) {
            attempt(delivery);
        }
        return claimed.size();
    }

    private List<Claimed> claim(Instant now) {
        List<Claimed> due = jdbc.sql("""
                select id, project_id, channel, contact_id, message, attempts from delivery
                where status = 'pending' and next_attempt_at <= ?
                order by next_attempt_at, id limit ? for update skip locked
                """)
                .params(Timestamp.from(now), settings.batchSize())
                .query((rs, row) -> new Claimed(rs.getObject("id", UUID.class), rs.getString("project_id"),
                        Channel.fromWire(rs.getString("channel")), rs.getObject("contact_id", UUID.class),
                        rs.getString("message"), rs.getInt("attempts") + 1))
                .list();
        for (Claimed delivery : due) {
            jdbc.sql("update delivery set next_attempt_at = ? where id = ?")
                    .params(Timestamp.from(now.plus(LEASE)), delivery.id()).update();
        }
        return due;
    }

    private void attempt(Claimed delivery) {
        DeliveryResult result;
        try {
            AlertMessage message = queue.read(delivery.message());
            result = recipients.find(delivery.projectId(), delivery.contactId())
                    .map(recipient -> notifiers.get(delivery.channel()).send(message, recipient))
                    .orElseGet(() -> new DeliveryResult.PermanentFailure(FailureReason.NO_ADDRESS,
                            "the contact no longer exists"));
        } catch (RuntimeException e) {
            // A notifier's bug must not stop the others; the attempt counts and is retried.
            log.error("delivery {} over {} failed unexpectedly", delivery.id(), delivery.channel(), e);
            result = new DeliveryResult.RetryableFailure(FailureReason.CONNECTION_FAILED, e.toString());
        }
        DeliveryResult outcome = result;
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> record(delivery, outcome, now));
        count(delivery.channel(), outcome);
    }

    private void record(Claimed delivery, DeliveryResult result, Instant now) {
        String status;
        Instant next = now;
        switch (result) {
            case DeliveryResult.Delivered delivered -> status = "delivered";
            case DeliveryResult.PermanentFailure failure -> status = "failed";
            case DeliveryResult.RetryableFailure failure -> {
                if (delivery.attempt() >= settings.maxAttempts()) {
                    status = "failed";
                } else {
                    status = "pending";
                    next = now.plus(backoff.after(delivery.attempt(), failure.retryAfter()));
                }
            }
        }
        jdbc.sql("update delivery set status = ?, attempts = ?, next_attempt_at = ? where id = ?")
                .params(status, delivery.attempt(), Timestamp.from(next), delivery.id()).update();
        notificationLog.recordAttempt(Uuid7.next(), delivery.id(), delivery.attempt(), result, now);
    }

    private void count(Channel channel, DeliveryResult result) {
        String outcome = switch (result) {
            case DeliveryResult.Delivered d -> "delivered";
            case DeliveryResult.RetryableFailure f -> "retryable_failure";
            case DeliveryResult.PermanentFailure f -> "permanent_failure";
        };
        String reason = switch (result) {
            case DeliveryResult.Delivered d -> "none";
            case DeliveryResult.RetryableFailure f -> f.reason().label();
            case DeliveryResult.PermanentFailure f -> f.reason().label();
        };
        meters.counter("cm.alerts.delivery.attempts", "channel", channel.wireName(), "outcome", outcome, "reason",
                reason).increment();
    }

    private record Claimed(UUID id, String projectId, Channel channel, UUID contactId, String message, int attempt) {
    }
}
