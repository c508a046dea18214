package io.chainmonitor.support.kafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import io.chainmonitor.events.Topic;

/** The topics of the catalog and their dead-letter topics, as Kafka admin should create them. */
final class CatalogTopics {

    private CatalogTopics() {
    }

    static KafkaAdmin.NewTopics of(KafkaSupportProperties properties) {
        return new KafkaAdmin.NewTopics(all(properties).toArray(NewTopic[]::new));
    }

    static List<NewTopic> all(KafkaSupportProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            topics.add(topic(topic, properties));
            topics.add(deadLetterTopic(topic, properties));
        }
        return topics;
    }

    static NewTopic topic(Topic topic, KafkaSupportProperties properties) {
        TopicBuilder builder = base(topic.topicName(), topic, properties)
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanup().policy());
        topic.retention().ifPresent(
                retention -> builder.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis())));
        return builder.build();
    }

    /**
     * A dead-letter topic has the partitions of its topic, since a dead letter keeps its partition, and is never
     * compacted: every dead letter matters, not only the latest per key.
     */
    static NewTopic deadLetterTopic(Topic topic, KafkaSupportProperties properties) {
        return base(topic.deadLetterTopicName(), topic, properties)
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, Topic.Cleanup.DELETE.policy())
                .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Topic.DEAD_LETTER_RETENTION.toMillis()))
                .build();
    }

    private static TopicBuilder base(String name, Topic topic, KafkaSupportProperties properties) {
        return TopicBuilder.name(name)
                .partitions(topic.partitions())
                .replicas(properties.replicationFactor())
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                        String.valueOf(properties.effectiveMinInsyncReplicas()));
    }
}
