package io.chainmonitor.health.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.chainmonitor.health.HealthProperties;

/**
 * Runs the {@link RulesOutbox} on one thread: at every poll interval, and at once after a change commits. Sent events
 * are purged after a day.
 */
@Component
class RulesOutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RulesOutboxRelay.class);
    private static final Duration KEEP_SENT = Duration.ofDays(1);

    private final RulesOutbox outbox;
    private final Duration interval;
    private ScheduledExecutorService executor;
    private Instant lastPurge = Instant.EPOCH;

    RulesOutboxRelay(RulesOutbox outbox, HealthProperties properties) {
        this.outbox = outbox;
        this.interval = properties.rules().outboxPollInterval();
    }

    @Override
    public synchronized void start() {
        if (executor == null) {
            ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("rules-outbox").daemon().factory());
            started.scheduleWithFixedDelay(this::round, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
            outbox.onPending(() -> {
                try {
                    started.execute(this::round);
                } catch (RejectedExecutionException e) {
                    // Stopping: the events stay in the outbox for the next start.
                }
            });
            executor = started;
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            outbox.onPending(() -> {
            });
            executor.shutdown();
            try {
                if (!executor.awaitTermination(15, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private void round() {
        try {
            outbox.relay();
            Instant now = Instant.now();
            if (lastPurge.isBefore(now.minus(Duration.ofHours(1)))) {
                lastPurge = now;
                outbox.purgeSentBefore(now.minus(KEEP_SENT));
            }
        } catch (RuntimeException e) {
            // A database hiccup must not end the schedule: the next round tries again.
            log.warn("rules outbox round failed: {}", e.toString());
        }
    }
}
