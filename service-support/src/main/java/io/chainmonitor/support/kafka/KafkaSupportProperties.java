package io.chainmonitor.support.kafka;

import java.time.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How services use Kafka: topic creation from the catalog and the retries a failed record gets before it is
 * dead-lettered.
 *
 * @param createTopics whether to create the catalog's topics and their dead-letter topics at start; off where topics
 *            are managed elsewhere
 * @param replicationFactor replicas of every created topic; 1 for a single broker
 * @param minInsyncReplicas {@code min.insync.replicas} of created topics; derived from the replication factor when
 *            not set (1 up to two replicas, then 2)
 * @param retry the retries of a record whose processing failed
 */
@Validated
@ConfigurationProperties("chain-monitor.kafka")
record KafkaSupportProperties(
        @DefaultValue("true") boolean createTopics,
        @DefaultValue("1") @Min(1) short replicationFactor,
        @Min(1) Integer minInsyncReplicas,
        @DefaultValue @Valid Retry retry) {

    KafkaSupportProperties {
        if (minInsyncReplicas != null && minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("min-insync-replicas (" + minInsyncReplicas
                    + ") cannot exceed replication-factor (" + replicationFactor + ")");
        }
    }

    /** The configured {@code min.insync.replicas}, or one that lets a topic survive the loss of one replica. */
    int effectiveMinInsyncReplicas() {
        return minInsyncReplicas != null ? minInsyncReplicas : Math.max(1, Math.min(2, replicationFactor - 1));
    }

    /**
     * Exponential back-off between deliveries of a failing record.
     *
     * @param attempts deliveries in all, the first included, before the record is dead-lettered
     * @param initialInterval wait before the second delivery
     * @param multiplier growth of the wait from one delivery to the next
     * @param maxInterval longest wait between two deliveries
     */
    record Retry(
            @DefaultValue("3") @Min(1) int attempts,
            @DefaultValue("500ms") @NotNull Duration initialInterval,
            @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
            @DefaultValue("10s") @NotNull Duration maxInterval) {
    }
}
