package io.chainmonitor.health.rules;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import io.chainmonitor.health.HealthProperties;

/**
 * Runs the {@link RulesOutbox}: at every poll interval, and at once after a change commits. Sent events are purged
 * after a day, at most once an hour.
 */
@Component
class RulesOutboxRelay extends PeriodicRound {

    private static final Duration KEEP_SENT = Duration.ofDays(1);

    private final RulesOutbox outbox;
    private Instant lastPurge = Instant.EPOCH;

    RulesOutboxRelay(RulesOutbox outbox, HealthProperties properties) {
        super("rules-outbox", properties.rules().outboxPollInterval());
        this.outbox = outbox;
        outbox.onPending(this::runSoon);
    }

    @Override
    protected void round() {
        outbox.relay();
        Instant now = Instant.now();
        if (lastPurge.isBefore(now.minus(Duration.ofHours(1)))) {
            lastPurge = now;
            outbox.purgeSentBefore(now.minus(KEEP_SENT));
        }
    }
}
