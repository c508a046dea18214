package io.chainmonitor.reporter.metric;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.chain.MetricBatch;

/** Takes metric batches in, on a container of their own so that the busy metric stream never delays incidents. */
@Component
class MetricListener {

    private final MetricStore store;

    MetricListener(MetricStore store) {
        this.store = store;
    }

    @KafkaListener(id = "reporter-metrics", groupId = "reporter-service.metrics", topics = "cm.chain.metrics.v1")
    void on(Envelope<?> envelope) {
        if (envelope.data() instanceof MetricBatch batch) {
            store.store(envelope, batch);
        }
    }
}
