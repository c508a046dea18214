package io.chainmonitor.spawner.telemetry;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.spawner.runtime.ReplicaRuntime;
import io.chainmonitor.spawner.runtime.ReplicaRuntimes;
import io.chainmonitor.spawner.runtime.ReplicaState;
import io.chainmonitor.spawner.runtime.ResourceUsage;
import io.chainmonitor.spawner.runtime.RunningReplica;
import io.chainmonitor.support.kafka.EventPublisher;

/** Every interval, publishes one metric batch per replica the runtimes know on cm.chain.metrics.v1. */
public final class NodeTelemetry {

    static final String SOURCE = "/spawner-service/telemetry";
    private static final Logger log = LoggerFactory.getLogger(NodeTelemetry.class);

    private final ReplicaRuntimes runtimes;
    private final ReplicaSampler sampler;
    private final NodeLogForwarder logs;
    private final EventPublisher publisher;
    private final Clock clock;

    NodeTelemetry(ReplicaRuntimes runtimes, ReplicaSampler sampler, NodeLogForwarder logs, EventPublisher publisher,
            Clock clock) {
        this.runtimes = runtimes;
        this.sampler = sampler;
        this.logs = logs;
        this.publisher = publisher;
        this.clock = clock;
    }

    private static java.util.Optional<ResourceUsage> usage(ReplicaRuntime runtime, RunningReplica replica) {
        try {
            return runtime.usage(replica.key());
        } catch (RuntimeException e) {
            log.debug("no platform figures for replica {}: {}", replica.key(), e.toString());
            return java.util.Optional.empty();
        }
    }

    /** Samples every replica once. */
    public void collect() {
        Instant now = clock.instant();
        for (var runtime : runtimes.all()) {
            for (RunningReplica replica : runtime.replicas()) {
                try {
                    // A replica without a local pid (a remote container, a pod) is measured by its platform.
                    var usage = replica.pid() == null && replica.state() == ReplicaState.RUNNING
                            ? usage(runtime, replica)
                            : java.util.Optional.<ResourceUsage>empty();
                    MetricBatch batch = sampler.sample(replica, logs.suppressed(replica.key()), now, usage);
                    publisher.publish(Envelope.of(SOURCE, replica.key().subject(), replica.key().projectId(),
                            Severity.LOW, batch));
                } catch (RuntimeException e) {
                    log.warn("telemetry of replica {} failed: {}", replica.key(), e.toString());
                }
            }
        }
    }
}
