package io.chainmonitor.health;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the health-service, under {@code chain-monitor.health}.
 *
 * @param heartbeatStaleAfter how long after its last heartbeat a service instance counts as silent
 * @param rules the rules API: rule set bodies, the outbox of rule set events, the metric history of dry runs
 * @param evaluation the continuous rule evaluation
 * @param checks the health checks of a project's replicas
 * @param deadMan the dead man's switch: silent services and replicas, and the outbound heartbeat
 */
@Validated
@ConfigurationProperties("chain-monitor.health")
public record HealthProperties(@NotNull @DefaultValue("45s") Duration heartbeatStaleAfter,
        @Valid @NotNull @DefaultValue Rules rules,
        @NotNull @Valid @DefaultValue Evaluation evaluation,
        @NotNull @Valid @DefaultValue Checks checks,
        @NotNull @Valid @DefaultValue DeadMan deadMan) {

    /**
     * The rules API.
     *
     * @param maxBodySize the largest rule set body accepted (PUT, POST, dry run); larger is refused with 413
     * @param chainTypeFiles operator chain type files added to the built-in chain catalog
     * @param outboxPollInterval how often unsent rule set and audit events are looked for
     * @param outboxBatchSize events relayed per round at most
     * @param historyRetention how long consumed metric batches and blocks are kept for dry runs
     * @param historyPurgeInterval how often expired history is deleted
     * @param dryRunMaxEvents the most stored events one dry run may replay; a larger range is refused with 422
     * @param dryRunMaxFindings the most findings one dry run returns; the rest are counted, not listed
     */
    public record Rules(@NotNull @DefaultValue("1MB") DataSize maxBodySize,
            @NotNull @DefaultValue List<Path> chainTypeFiles,
            @NotNull @DefaultValue("500ms") Duration outboxPollInterval,
            @Min(1) @DefaultValue("200") int outboxBatchSize,
            @NotNull @DefaultValue("7d") Duration historyRetention,
            @NotNull @DefaultValue("10m") Duration historyPurgeInterval,
            @Min(1) @DefaultValue("200000") int dryRunMaxEvents,
            @Min(1) @DefaultValue("10000") int dryRunMaxFindings) {
    }

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

    /**
     * Health checks: what counts as healthy, degraded or critical.
     *
     * @param interval how often each project is checked periodically
     * @param reportingStaleAfter a replica without a metric batch for this long is degraded; twice as long, critical
     * @param blocksBehindWarn blocks behind the project's highest replica that make a replica degraded
     * @param blocksBehindFail blocks behind that make it critical
     * @param minPeers fewer peers than this make a replica of a peering chain degraded (zero: critical)
     * @param tipSpread the most blocks the project's replicas may disagree on before the tip check is degraded
     */
    public record Checks(@NotNull @DefaultValue("5m") Duration interval,
            @NotNull @DefaultValue("2m") Duration reportingStaleAfter,
            @Min(1) @DefaultValue("3") int blocksBehindWarn,
            @Min(1) @DefaultValue("10") int blocksBehindFail,
            @Min(0) @DefaultValue("1") int minPeers,
            @Min(0) @DefaultValue("2") int tipSpread) {
    }

    /**
     * The dead man's switch.
     *
     * @param checkInterval how often silences are looked for
     * @param replicaSilentAfter a running replica without a metric batch for this long is silent
     * @param pingUrl an external heartbeat URL (Healthchecks style) pinged while the platform runs; none when unset
     * @param pingInterval how often it is pinged
     * @param pingTimeout how long one ping may take
     */
    public record DeadMan(@NotNull @DefaultValue("5s") Duration checkInterval,
            @NotNull @DefaultValue("2m") Duration replicaSilentAfter,
            java.net.URI pingUrl,
            @NotNull @DefaultValue("1m") Duration pingInterval,
            @NotNull @DefaultValue("10s") Duration pingTimeout) {
    }
}
