package io.chainmonitor.support.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import io.chainmonitor.events.Topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogTopicsTest {

    private static final KafkaSupportProperties.Retry RETRY = new KafkaSupportProperties.Retry(3,
            Duration.ofMillis(500), 2.0, Duration.ofSeconds(10));

    @Test
    void everyCatalogTopicAndItsDeadLetterTopicIsCreated() {
        Map<String, NewTopic> topics = topics(properties(1, null));

        assertThat(topics).hasSize(Topic.values().length * 2);
        for (Topic topic : Topic.values()) {
            assertThat(topics.get(topic.topicName()).numPartitions()).isEqualTo(topic.partitions());
            assertThat(topics.get(topic.deadLetterTopicName()).numPartitions()).isEqualTo(topic.partitions());
        }
    }

    @Test
    void aTopicKeepsTheCleanupAndRetentionOfTheCatalog() {
        Map<String, NewTopic> topics = topics(properties(1, null));

        assertThat(topics.get("cm.audit.v1").configs()).containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", String.valueOf(Duration.ofDays(365).toMillis()));
        assertThat(topics.get("cm.rules.v1").configs()).containsEntry("cleanup.policy", "compact")
                .doesNotContainKey("retention.ms");
    }

    @Test
    void aDeadLetterTopicIsDeletedAfterTheDeadLetterRetentionEvenForACompactedTopic() {
        NewTopic rulesDlt = topics(properties(1, null)).get("cm.rules.v1-dlt");

        assertThat(rulesDlt.configs()).containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", String.valueOf(Topic.DEAD_LETTER_RETENTION.toMillis()));
    }

    @Test
    void replicationAndMinInsyncReplicasFollowTheConfiguredFactor() {
        assertThat(topics(properties(1, null)).get("cm.findings.v1"))
                .satisfies(topic -> assertThat(topic.replicationFactor()).isEqualTo((short) 1))
                .satisfies(topic -> assertThat(topic.configs()).containsEntry("min.insync.replicas", "1"));
        assertThat(topics(properties(3, null)).get("cm.findings.v1-dlt"))
                .satisfies(topic -> assertThat(topic.replicationFactor()).isEqualTo((short) 3))
                .satisfies(topic -> assertThat(topic.configs()).containsEntry("min.insync.replicas", "2"));
        assertThat(topics(properties(5, 3)).get("cm.findings.v1").configs())
                .containsEntry("min.insync.replicas", "3");
    }

    @Test
    void theDerivedMinInsyncReplicasLetATopicLoseOneReplica() {
        assertThat(List.of(1, 2, 3, 5).stream().map(factor -> properties(factor, null).effectiveMinInsyncReplicas()))
                .containsExactly(1, 1, 2, 2);
    }

    @Test
    void minInsyncReplicasAboveTheReplicationFactorAreRefused() {
        assertThatThrownBy(() -> properties(2, 3)).hasMessageContaining("cannot exceed replication-factor");
    }

    private static KafkaSupportProperties properties(int replicationFactor, Integer minInsync) {
        return new KafkaSupportProperties(true, (short) replicationFactor, minInsync, RETRY);
    }

    private static Map<String, NewTopic> topics(KafkaSupportProperties properties) {
        return CatalogTopics.all(properties).stream()
                .collect(Collectors.toMap(NewTopic::name, Function.identity()));
    }
}
