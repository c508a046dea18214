package io.chainmonitor.health.evaluation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectAlignedAssignorTest {

    private static final Map<String, Integer> TOPICS = Map.of("cm.projects.v1", 6, "cm.rules.v1", 6,
            "cm.chain.metrics.v1", 12, "cm.chain.blocks.v1", 12, "cm.wire.incidents.v1", 6, "cm.node.logs.v1", 6);

    @Test
    void everyTopicRecordOfOneProjectGoesToTheSameMember() {
        Map<String, List<TopicPartition>> assignment = ProjectAlignedAssignor.assign(TOPICS,
                members("consumer-a", "consumer-b", "consumer-c", "consumer-d"));

        for (int i = 0; i < 200; i++) {
            String projectId = UUID.randomUUID().toString();
            List<String> owners = TOPICS.entrySet().stream()
                    .map(topic -> owner(assignment, new TopicPartition(topic.getKey(),
                            partitionOf(projectId, topic.getValue()))))
                    .distinct().toList();
            assertThat(owners).as(projectId).hasSize(1);
        }
        assertThat(assignment.values()).allSatisfy(partitions -> assertThat(partitions).isNotEmpty());
        assertThat(assignment.values().stream().mapToInt(List::size).sum()).isEqualTo(48);
    }

    @Test
    void theSlotsAreTheGreatestCommonDivisorOfThePartitionCounts() {
        assertThat(ProjectAlignedAssignor.slots(TOPICS.values())).isEqualTo(6);
        assertThat(ProjectAlignedAssignor.slots(List.of(12, 3))).isEqualTo(3);
        assertThat(ProjectAlignedAssignor.slots(List.of())).isEqualTo(1);
    }

    @Test
    void moreMembersThanSlotsLeaveTheSurplusIdle() {
        Map<String, List<TopicPartition>> assignment = ProjectAlignedAssignor.assign(Map.of("t", 2),
                members("a", "b", "c"));

        assertThat(assignment.get("a")).containsExactly(new TopicPartition("t", 0));
        assertThat(assignment.get("b")).containsExactly(new TopicPartition("t", 1));
        assertThat(assignment.get("c")).isEmpty();
    }

    private static Map<String, Subscription> members(String... ids) {
        Map<String, Subscription> members = new TreeMap<>();
        for (String id : ids) {
            members.put(id, new Subscription(List.copyOf(TOPICS.keySet()).stream().toList()));
        }
        members.replaceAll((id, s) -> new Subscription(List.of("cm.projects.v1", "cm.rules.v1",
                "cm.chain.metrics.v1", "cm.chain.blocks.v1", "cm.wire.incidents.v1", "cm.node.logs.v1", "t")));
        return members;
    }

    private static String owner(Map<String, List<TopicPartition>> assignment, TopicPartition partition) {
        return assignment.entrySet().stream().filter(e -> e.getValue().contains(partition)).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    /** How the producer's default partitioner places a key. */
    private static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
