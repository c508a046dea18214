package io.chainmonitor.support.kafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import io.chainmonitor.events.Topic;

/** The topics of the catalog and their dead-letter topics, as Kafka admin should create them. */
public final class CatalogTopics {

    private CatalogTopics() {
    }

    static KafkaAdmin.NewTopics of(KafkaSupportProperties properties) {
        return new KafkaAdmin.NewTopics(all(properties).toArray(NewTopic[]::new));
    }

    static List<NewTopic> all(KafkaSupportProperties properties) {
        return all(properties.replicationFactor(), properties.effectiveMinInsyncReplicas());
    }

    /** Every catalog topic and its dead-letter topic, for a launcher that creates them before services start. */
    public static List<NewTopic> all(short replicationFactor, int minInsyncReplicas) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            topics.add(topic(topic, replicationFactor, minInsyncReplicas));
            topics.add(deadLetterTopic(topic, replicationFactor, minInsyncReplicas));
        }
        return topics;
    }

    static NewTopic topic(Topic topic, short replicationFactor, int minInsyncReplicas) {
        TopicBuilder builder = base(topic.topicName(), topic, replicationFactor, minInsyncReplicas)
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanup().policy());
        topic.retention().ifPresent(
                retention -> builder.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis())));
        return builder.build();
    }

    /**
     * A dead-letter topic has the partitions of its topic, since a dead letter keeps its partition, and is never
     * compacted: every dead letter matters, not only the latest per key.
     */
    static NewTopic deadLetterTopic(Topic topic, short replicationFactor, int minInsyncReplicas) {
        return base(topic.deadLetterTopicName(), topic, replicationFactor, minInsyncReplicas)
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, Topic.Cleanup.DELETE.policy())
                .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Topic.DEAD_LETTER_RETENTION.toMillis()))
                .build();
    }

    private static TopicBuilder base(String name, Topic topic, short replicationFactor, int minInsyncReplicas) {
        return TopicBuilder.name(name)
                .partitions(topic.partitions())
                .replicas(replicationFactor)
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInsyncReplicas));
    }
}
