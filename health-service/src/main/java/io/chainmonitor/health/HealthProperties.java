package io.chainmonitor.health;

import java.time.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the health-service, under {@code chain-monitor.health}.
 *
 * @param heartbeatStaleAfter how long after its last heartbeat a service instance counts as silent
 * @param evaluation the continuous rule evaluation
 */
@Validated
@ConfigurationProperties("chain-monitor.health")
public record HealthProperties(@NotNull @DefaultValue("45s") Duration heartbeatStaleAfter,
        @NotNull @Valid @DefaultValue Evaluation evaluation) {

    /**
     * The continuous rule evaluation of the project's event streams.
     *
     * @param enabled whether the evaluation consumer starts
     * @param groupId the consumer group the instances share projects in
     * @param checkpointEvery a checkpoint after this many evaluated events
     * @param checkpointInterval a checkpoint when this long passed since the last one (checked as events arrive)
     * @param dedupeWindow the ids of this many recent events per project are kept to skip a redelivered one
     * @param publishTimeout how long a finding may take to be acknowledged by the broker
     */
    public record Evaluation(@DefaultValue("true") boolean enabled,
            @NotNull @DefaultValue("health-service.evaluation") String groupId,
            @Positive @DefaultValue("1000") int checkpointEvery,
            @NotNull @DefaultValue("10s") Duration checkpointInterval,
            @Positive @DefaultValue("2048") int dedupeWindow,
            @NotNull @DefaultValue("30s") Duration publishTimeout) {
    }
}
