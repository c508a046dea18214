package io.chainmonitor.health.evaluation;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

import io.chainmonitor.events.Envelope;

/**
 * Feeds the evaluation with every record of the project streams, the project lifecycle and the rule sets, one
 * consumer per instance; instances share the projects through the project-aligned assignor. A tombstone on the
 * compacted rules topic arrives as a null value.
 */
class EvaluationListener {

    static final String ID = "health-evaluation";
    private static final String GROUP = "${chain-monitor.health.evaluation.group-id:health-service.evaluation}";
    private static final String ENABLED = "${chain-monitor.health.evaluation.enabled:true}";
    private static final String ASSIGNOR = "partition.assignment.strategy="
            + "io.chainmonitor.health.evaluation.ProjectAlignedAssignor";
    // A client-side assignor needs the classic group protocol, whatever the service's default.
    private static final String CLASSIC_PROTOCOL = "group.protocol=classic";

    private final Evaluations evaluations;

    EvaluationListener(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @KafkaListener(id = ID, groupId = GROUP, autoStartup = ENABLED, concurrency = "1", containerFactory = EvaluationConfiguration.CONTAINER_FACTORY, properties = {
            ASSIGNOR, CLASSIC_PROTOCOL}, topics = {"cm.projects.v1", "cm.rules.v1", "cm.chain.metrics.v1",
                    "cm.chain.blocks.v1",
                    "cm.wire.incidents.v1", "cm.node.logs.v1"})
    void on(ConsumerRecord<String, Envelope<?>> record, Consumer<?, ?> consumer) {
        evaluations.process(record, consumer);
    }
}
