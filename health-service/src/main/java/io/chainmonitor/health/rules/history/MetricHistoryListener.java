package io.chainmonitor.health.rules.history;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.chainmonitor.events.Envelope;

/**
 * Keeps the metric batches and blocks of every project for dry runs, in its own consumer group so that it reads the
 * topics apart from the live evaluation.
 */
@Component
class MetricHistoryListener {

    private final MetricHistory history;

    MetricHistoryListener(MetricHistory history) {
        this.history = history;
    }

    @KafkaListener(id = "health-history", groupId = "health-history", topics = {"cm.chain.metrics.v1",
            "cm.chain.blocks.v1"})
    void on(Envelope<?> envelope) {
        history.store(envelope);
    }
}
