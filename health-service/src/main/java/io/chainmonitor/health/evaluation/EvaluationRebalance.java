package io.chainmonitor.health.evaluation;

import java.util.Collection;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Saves the evaluation when partitions leave this instance (a rebalance, or the consumer closing at shutdown) and
 * seeks newly assigned partitions to their checkpointed offsets. Runs on the consumer thread, like the listener.
 */
class EvaluationRebalance implements ConsumerAwareRebalanceListener {

    private final Evaluations evaluations;

    EvaluationRebalance(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        evaluations.revoked(consumer, partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        evaluations.lost();
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        evaluations.assigned(consumer, partitions);
    }
}
