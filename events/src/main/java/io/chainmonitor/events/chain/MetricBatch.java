package io.chainmonitor.events.chain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.chainmonitor.events.EventPayload;
import io.chainmonitor.events.EventType;
import io.chainmonitor.events.Fields;

/**
 * The samples one producer took for one replica at one moment, usually one block: many samples per record keeps the
 * metric stream cheap to carry and to evaluate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricBatch(
        String replicaId,
        String chainType,
        Long height,
        String blockHash,
        Instant observedAt,
        String producer,
        List<Sample> samples) implements EventPayload {

    public MetricBatch {
        Fields.requireText(replicaId, "replicaId");
        Fields.requireText(chainType, "chainType");
        Fields.require(observedAt, "observedAt");
        Fields.requireText(producer, "producer");
        samples = Fields.list(samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a metric batch carries at least one sample");
        }
    }

    @Override
    public EventType eventType() {
        return EventType.METRIC_BATCH;
    }

    /** One value of one metric, with its unit and labels (e.g. {@code peer}, {@code method}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sample(String metric, double value, String unit, Map<String, String> labels) {

        public Sample {
            Fields.requireText(metric, "sample.metric");
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("sample " + metric + " has no finite value");
            }
            labels = Fields.map(labels);
        }
    }
}
