package io.chainmonitor.health.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.TopicPartition;

/**
 * A partition assignor that keeps every topic's records of one project on one consumer. Records are keyed by project
 * id, so a project lands on partition {@code hash mod n} of a topic with n partitions; with n a multiple of g, that
 * partition mod g is {@code hash mod g} on every topic. The assignor deals out these g slots (g = the greatest common
 * divisor of the partition counts) among the members, and gives each member every partition of every topic whose
 * number falls in its slots. The evaluation needs this: one project's metrics, blocks, logs, incidents, lifecycle and
 * rules must meet in one evaluator.
 */
public final class ProjectAlignedAssignor implements ConsumerPartitionAssignor {

    /** The name members announce; every member of the group must use this assignor. */
    public static final String NAME = "chain-monitor-project-aligned";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GroupAssignment assign(Cluster metadata, GroupSubscription subscriptions) {
        Map<String, Subscription> members = new TreeMap<>(subscriptions.groupSubscription());
        Map<String, Integer> partitionCounts = new TreeMap<>();
        for (Subscription subscription : members.values()) {
            for (String topic : subscription.topics()) {
                Integer count = metadata.partitionCountForTopic(topic);
                if (count != null) {
                    partitionCounts.put(topic, count);
                }
            }
        }
        Map<String, List<TopicPartition>> assigned = assign(partitionCounts, members);
        Map<String, Assignment> result = new TreeMap<>();
        assigned.forEach((member, partitions) -> result.put(member, new Assignment(partitions)));
        return new GroupAssignment(result);
    }

    /** The assignment by member, for partition counts by topic and the members' subscriptions. */
    static Map<String, List<TopicPartition>> assign(Map<String, Integer> partitionCounts,
            Map<String, Subscription> members) {
        int slots = slots(partitionCounts.values());
        List<String> ids = new ArrayList<>(new TreeSet<>(members.keySet()));
        Map<String, List<TopicPartition>> assigned = new TreeMap<>();
        ids.forEach(id -> assigned.put(id, new ArrayList<>()));
        if (ids.isEmpty()) {
            return assigned;
        }
        partitionCounts.forEach((topic, count) -> {
            for (int partition = 0; partition < count; partition++) {
                String member = ids.get((partition % slots) % ids.size());
                if (members.get(member).topics().contains(topic)) {
                    assigned.get(member).add(new TopicPartition(topic, partition));
                }
            }
        });
        return assigned;
    }

    /** The greatest common divisor of the partition counts: how many ways the projects can be split. */
    static int slots(Iterable<Integer> partitionCounts) {
        int gcd = 0;
        for (int count : partitionCounts) {
            gcd = gcd(gcd, count);
        }
        return Math.max(gcd, 1);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
