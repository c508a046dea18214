package io.chainmonitor.health.evaluation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.support.embedded.test.EmbeddedInfrastructure;

import static io.chainmonitor.health.evaluation.EvaluationITSupport.awaitFindings;
import static io.chainmonitor.health.evaluation.EvaluationITSupport.findings;
import static io.chainmonitor.health.evaluation.EvaluationITSupport.metric;
import static io.chainmonitor.health.evaluation.EvaluationITSupport.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances in one group on one database share the projects: each holds every topic's partitions of its
 * projects. When one stops, the other takes its projects over from the checkpoint it left, without alerting again.
 */
@ExtendWith(EmbeddedInfrastructure.class)
class EvaluationScaleOutIT {

    private static final String DATABASE = "health_evaluation_scale";
    private static final String GROUP = "health-scale-out-it";
    private static final String STREAK = "pow.miner-streak";

    @Test
    void twoInstancesShareTheProjectsAndTheSurvivorTakesOverWithoutAlertingAgain() {
        List<String> projects = new ArrayList<>();
        try (ConfigurableApplicationContext survivor = EvaluationITSupport.start(DATABASE, GROUP, Map.of())) {
            try (ConfigurableApplicationContext leaving = EvaluationITSupport.start(DATABASE, GROUP, Map.of())) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> !assigned(survivor).isEmpty() && !assigned(leaving).isEmpty());
                Set<TopicPartition> first = assigned(survivor);
                Set<TopicPartition> second = assigned(leaving);
                assertThat(first).doesNotContainAnyElementsOf(second);
                assertThat(first.size() + second.size()).isEqualTo(48);
                // Three projects on each instance; each project's partitions, on every topic, held by one of them.
                int onFirst = 0;
                int onSecond = 0;
                while (onFirst < 3 || onSecond < 3) {
                    String project = EvaluationITSupport.newProjectId("scale");
                    Set<TopicPartition> own = partitionsOf(project);
                    assertThat(first.containsAll(own) || second.containsAll(own)).as(project).isTrue();
                    if (first.containsAll(own) && onFirst < 3) {
                        onFirst++;
                        projects.add(project);
                    } else if (second.containsAll(own) && onSecond < 3) {
                        onSecond++;
                        projects.add(project);
                    }
                }

                for (String project : projects) {
                    EvaluationITSupport.createProject(survivor, project);
                    publish(survivor, metric(project, "r-1", 1, "chain.miner.consecutive", 7));
                }
                for (String project : projects) {
                    awaitFindings(project, STREAK, "r-1", f -> !f.isEmpty());
                }
            }
            // The leaving instance checkpointed its projects as its partitions were revoked.
            await().atMost(Duration.ofSeconds(60)).until(() -> assigned(survivor).size() == 48);
            for (String project : projects) {
                publish(survivor, metric(project, "r-1", 2, "chain.miner.consecutive", 8));
                publish(survivor, metric(project, "r-1", 3, "chain.miner.consecutive", 2));
            }
            for (String project : projects) {
                List<Finding.Status> statuses = awaitFindings(project, STREAK, "r-1", f -> f.size() >= 2).stream()
                        .map(f -> f.data().status()).toList();
                assertThat(statuses).as(project).containsExactly(Finding.Status.FIRING, Finding.Status.RESOLVED);
                assertThat(findings(project)).as(project).hasSize(2);
            }
        }
    }

    private static Set<TopicPartition> assigned(ConfigurableApplicationContext context) {
        Collection<TopicPartition> partitions = context.getBean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer(EvaluationListener.ID).getAssignedPartitions();
        return partitions == null ? Set.of() : new HashSet<>(partitions);
    }

    /** Where the producer's default partitioner puts a project's records on each input topic. */
    private static Set<TopicPartition> partitionsOf(String project) {
        int hash = Utils.toPositive(Utils.murmur2(project.getBytes(StandardCharsets.UTF_8)));
        Set<TopicPartition> partitions = new HashSet<>();
        Map.of("cm.projects.v1", 6, "cm.rules.v1", 6, "cm.chain.metrics.v1", 12, "cm.chain.blocks.v1", 12,
                "cm.wire.incidents.v1", 6, "cm.node.logs.v1", 6)
                .forEach((topic, count) -> partitions.add(new TopicPartition(topic, hash % count)));
        return partitions;
    }
}
