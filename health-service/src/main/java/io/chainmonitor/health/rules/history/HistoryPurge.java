package io.chainmonitor.health.rules.history;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.chainmonitor.health.HealthProperties;
import io.chainmonitor.health.rules.PeriodicRound;

/** Deletes stored history older than the retention, at start and then every purge interval. */
@Component
class HistoryPurge extends PeriodicRound {

    private static final Logger log = LoggerFactory.getLogger(HistoryPurge.class);

    private final MetricHistory history;
    private final Duration retention;

    HistoryPurge(MetricHistory history, HealthProperties properties) {
        super("history-purge", properties.rules().historyPurgeInterval());
        this.history = history;
        this.retention = properties.rules().historyRetention();
    }

    @Override
    protected void round() {
        int purged = history.purgeOlderThan(retention);
        if (purged > 0) {
            log.info("metric history: purged {} events older than {}", purged, retention);
        }
    }
}
