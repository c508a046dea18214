package io.chainmonitor.health.check;

import java.time.Clock;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.project.ProjectLifecycle;
import io.chainmonitor.events.project.ReplicaLifecycle;
import io.chainmonitor.health.HealthProperties;

/**
 * Keeps the state the checks read from three topics, each in its own consumer group so that a slow one never holds
 * up the others. Every update is idempotent (an older lifecycle event never overwrites a newer state, a redelivered
 * finding changes nothing), so redelivery is harmless.
 */
@Component
class CheckStateListener {

    private final CheckState state;
    private final HealthProperties properties;
    private final Clock clock;

    CheckStateListener(CheckState state, HealthProperties properties, Clock clock) {
        this.state = state;
        this.properties = properties;
        this.clock = clock;
    }

    @KafkaListener(topics = "cm.projects.v1", groupId = "health-service.check-projects")
    void onProject(Envelope<?> event) {
        if (event.data() instanceof ProjectLifecycle project) {
            if (project.change() == ProjectLifecycle.Change.DELETED) {
                state.forgetProject(project.projectId());
            } else {
                state.project(project.projectId(), project.chainType(),
                        clock.instant().plus(properties.checks().interval()));
            }
        } else if (event.data() instanceof ReplicaLifecycle replica) {
            state.lifecycle(replica.projectId(), replica.replicaId(), replica.chainType(), replica.state().name(),
                    event.time());
        }
    }

    @KafkaListener(topics = "cm.chain.metrics.v1", groupId = "health-service.check-metrics")
    void onMetrics(Envelope<?> event) {
        if (event.data() instanceof MetricBatch batch && !"wire-listener".equals(batch.producer())) {
            Integer peers = null;
            Boolean syncing = null;
            Boolean rpc = null;
            for (MetricBatch.Sample sample : batch.samples()) {
                switch (sample.metric()) {
                    case "node.peers" -> peers = (int) sample.value();
                    case "node.syncing" -> syncing = sample.value() >= 1;
                    case "node.rpc.available" -> rpc = sample.value() >= 1;
                    default -> {
                        // Other metrics are the rules' business.
                    }
                }
            }
            state.metrics(event.projectid(), batch.replicaId(), batch.chainType(), batch.observedAt(), batch.height(),
                    peers, syncing, rpc);
        }
    }

    @KafkaListener(topics = "cm.findings.v1", groupId = "health-service.check-findings")
    void onFinding(Envelope<?> event) {
        if (event.data() instanceof Finding finding) {
            if (finding.status() == Finding.Status.FIRING) {
                state.firing(event.projectid(), finding.fingerprint(), finding.ruleId(),
                        event.severity() == null ? "low" : event.severity().wireName(), finding.startsAt());
            } else {
                state.resolved(event.projectid(), finding.fingerprint());
            }
        }
    }
}
