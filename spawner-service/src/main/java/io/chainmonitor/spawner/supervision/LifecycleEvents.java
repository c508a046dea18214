package io.chainmonitor.spawner.supervision;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.project.ReplicaLifecycle;
import io.chainmonitor.events.project.ReplicaLifecycle.State;
import io.chainmonitor.spawner.runtime.ReplicaSpec;
import io.chainmonitor.spawner.runtime.RunningReplica;
import io.chainmonitor.spawner.runtime.RuntimeKind;
import io.chainmonitor.support.kafka.EventPublisher;

/** Publishes what the supervisor sees: replica lifecycle events on cm.projects.v1, crash-loop findings. */
class LifecycleEvents {

    static final String SOURCE = "/spawner-service/supervision";

    private final EventPublisher publisher;

    LifecycleEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    void lifecycle(ReplicaSpec spec, RuntimeKind runtime, State state, RunningReplica running, Integer exitCode,
            String reason, int restarts) {
        ReplicaLifecycle.Endpoints endpoints = running == null
                ? null
                : new ReplicaLifecycle.Endpoints(running.rpcUrl(), running.wsUrl(), running.p2pAddress(), null, null,
                        null);
        ReplicaLifecycle event = new ReplicaLifecycle(spec.key().projectId(), spec.key().replicaId(), state,
                spec.chainType(), spec.location(), runtime.wireName(), endpoints, exitCode, reason, restarts);
        publisher.publish(Envelope.of(SOURCE, spec.key().subject(), spec.key().projectId(), severity(state), event));
    }

    void finding(ReplicaSpec spec, Finding finding) {
        publisher.publish(Envelope.of(SOURCE, spec.key().subject(), spec.key().projectId(), Severity.HIGH, finding));
    }

    private static Severity severity(State state) {
        return switch (state) {
            case FAILED -> Severity.HIGH;
            case RESTARTING, UNHEALTHY -> Severity.MEDIUM;
            default -> Severity.LOW;
        };
    }
}
