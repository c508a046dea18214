package io.chainmonitor.health.rules.history;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.chainmonitor.health.HealthProperties;

/** Deletes stored history older than the retention, at start and then every purge interval. */
@Component
class HistoryPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HistoryPurge.class);

    private final MetricHistory history;
    private final Duration retention;
    private final Duration interval;
    private ScheduledExecutorService executor;

    HistoryPurge(MetricHistory history, HealthProperties properties) {
        this.history = history;
        this.retention = properties.rules().historyRetention();
        this.interval = properties.rules().historyPurgeInterval();
    }

    @Override
    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("history-purge").daemon().factory());
            executor.scheduleWithFixedDelay(this::purge, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private void purge() {
        try {
            int purged = history.purgeOlderThan(retention);
            if (purged > 0) {
                log.info("metric history: purged {} events older than {}", purged, retention);
            }
        } catch (RuntimeException e) {
            // The next round tries again; a missed purge only keeps history a little longer.
            log.warn("metric history purge failed: {}", e.toString());
        }
    }
}
