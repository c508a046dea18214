package io.chainmonitor.health.evaluation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.rules.pack.DefaultPacks;
import io.chainmonitor.rules.yaml.RuleSetWriter;
import io.chainmonitor.support.embedded.test.EmbeddedInfrastructure;
import io.chainmonitor.support.kafka.test.TopicReader;

import static io.chainmonitor.health.evaluation.EvaluationITSupport.awaitFindings;
import static io.chainmonitor.health.evaluation.EvaluationITSupport.count;
import static io.chainmonitor.health.evaluation.EvaluationITSupport.findings;
import static io.chainmonitor.health.evaluation.EvaluationITSupport.metric;
import static io.chainmonitor.health.evaluation.EvaluationITSupport.publish;
import static io.chainmonitor.health.evaluation.EvaluationITSupport.ruleSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The health service evaluates real metric batches from the embedded broker against the default pack and the rule
 * sets published on {@code cm.rules.v1}, and publishes its findings on {@code cm.findings.v1}. Where a test expects
 * nothing, it sends a later event of the same project that does make a finding: the partition's order guarantees the
 * earlier event was handled by then.
 */
@ExtendWith(EmbeddedInfrastructure.class)
class EvaluationIT {

    private static final String STREAK = "pow.miner-streak";
    private static final String DOMINANCE = "pow.miner-dominance";
    private static final String SLOW = "pow.block-propagation-slow";

    private static ConfigurableApplicationContext health;

    @BeforeAll
    static void start() {
        health = EvaluationITSupport.start("health_evaluation", "health-evaluation-it", Map.of());
    }

    @AfterAll
    static void stop() {
        if (health != null) {
            health.close();
        }
    }

    @Test
    void aThresholdCrossingFiresWithTheRuleSeverityThenResolvesAndARedeliveredEventIsNotEvaluatedAgain() {
        String project = EvaluationITSupport.newProjectId("fire");
        EvaluationITSupport.createProject(health, project);
        Envelope<MetricBatch> streak = metric(project, "r-1", 1, "chain.miner.consecutive", 7);
        publish(health, streak);

        Envelope<Finding> firing = awaitFindings(project, STREAK, "r-1", f -> !f.isEmpty()).getFirst();
        assertThat(firing.severity()).isEqualTo(Severity.HIGH);
        assertThat(firing.source()).isEqualTo("/health-service/rules");
        assertThat(firing.subject()).isEqualTo("projects/" + project + "/replicas/r-1");
        assertThat(firing.data().status()).isEqualTo(Finding.Status.FIRING);
        assertThat(firing.data().summary())
                .isEqualTo("chain.miner.consecutive on replica r-1 is 7, above the threshold 5.");
        assertThat(firing.data().evidence().metric()).isEqualTo("chain.miner.consecutive");
        assertThat(firing.data().evidence().value()).isEqualTo(7.0);
        assertThat(firing.data().evidence().threshold()).isEqualTo(5.0);
        assertThat(firing.data().chain().height()).isEqualTo(1L);
        assertThat(firing.data().fingerprint()).hasSize(24);

        publish(health, metric(project, "r-1", 2, "chain.miner.consecutive", 3));
        List<Envelope<Finding>> both = awaitFindings(project, STREAK, "r-1", f -> f.size() >= 2);
        Envelope<Finding> resolved = both.get(1);
        assertThat(resolved.data().status()).isEqualTo(Finding.Status.RESOLVED);
        assertThat(resolved.data().fingerprint()).isEqualTo(firing.data().fingerprint());
        assertThat(resolved.data().summary()).contains("back to 3");
        assertThat(resolved.severity()).isEqualTo(Severity.HIGH);

        // The firing batch once more, same id: evaluated again it would fire again.
        publish(health, streak);
        publish(health, metric(project, "r-2", 3, "chain.miner.consecutive", 9));
        awaitFindings(project, STREAK, "r-2", f -> !f.isEmpty());

        assertThat(findings(project, STREAK, "r-1")).extracting(f -> f.data().status())
                .containsExactly(Finding.Status.FIRING, Finding.Status.RESOLVED);
        assertThat(count(health, "cm.health.evaluation.skipped", "reason", "duplicate")).isGreaterThanOrEqualTo(1);
        assertThat(count(health, "cm.health.evaluation.findings", "severity", "high", "status", "firing"))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void anEventOfAnUnknownProjectIsCountedAndSkippedAndAMalformedRecordGoesToTheDeadLetterTopic() {
        String unknown = EvaluationITSupport.newProjectId("unknown");
        double before = count(health, "cm.health.evaluation.skipped", "reason", "unknown_project");
        publish(health, metric(unknown, "r-1", 1, "chain.miner.consecutive", 9));
        await().atMost(Duration.ofSeconds(60)).until(
                () -> count(health, "cm.health.evaluation.skipped", "reason", "unknown_project") > before);

        String project = EvaluationITSupport.newProjectId("malformed");
        EvaluationITSupport.createProject(health, project);
        health.getBean(KafkaTemplate.class).send("cm.chain.metrics.v1", project,
                "{\"not\": \"an event\"".getBytes(StandardCharsets.UTF_8)).join();
        publish(health, metric(project, "r-1", 1, "chain.miner.consecutive", 8));

        awaitFindings(project, STREAK, "r-1", f -> !f.isEmpty());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> TopicReader.rawValuesOf("cm.chain.metrics.v1-dlt", project), values -> !values.isEmpty());
        // Every consumer group of the topic dead-letters the record it cannot read, so there may be several copies.
        assertThat(TopicReader.rawValuesOf("cm.chain.metrics.v1-dlt", project)).isNotEmpty()
                .containsOnly("{\"not\": \"an event\"");
        assertThat(findings(unknown)).isEmpty();
    }

    @Test
    void aPublishedRuleSetReplacesTheDefaultPackKeepingTheWindowsOfUnchangedRulesAndAnInvalidOneIsIgnored() {
        String project = EvaluationITSupport.newProjectId("rules");
        EvaluationITSupport.createProject(health, project);
        publish(health, metric(project, "r-1", 1, "chain.miner.consecutive", 7));
        awaitFindings(project, STREAK, "r-1", f -> !f.isEmpty());
        for (long height = 1; height <= 3; height++) {
            publish(health, metric(project, "r-3", height, "chain.propagation.delay", 3));
        }

        // Version 1: the default pack with the streak rule turned off.
        ObjectNode streakOff = packWith(STREAK, rule -> rule.put("enabled", false));
        publish(health, ruleSet(project, 1, streakOff));
        List<Envelope<Finding>> streak = awaitFindings(project, STREAK, "r-1", f -> f.size() >= 2);
        assertThat(streak.get(1).data().status()).isEqualTo(Finding.Status.RESOLVED);
        assertThat(streak.get(1).data().summary())
                .contains("no longer evaluated: rule set version 1 turned the rule off");

        publish(health, metric(project, "r-1", 4, "chain.miner.consecutive", 8));
        // The propagation window kept its three samples across the swap: two more complete it.
        publish(health, metric(project, "r-3", 4, "chain.propagation.delay", 3));
        publish(health, metric(project, "r-3", 5, "chain.propagation.delay", 3));
        Envelope<Finding> slow = awaitFindings(project, SLOW, "r-3", f -> !f.isEmpty()).getFirst();
        assertThat(slow.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(slow.data().summary()).contains("chain.propagation.delay on replica r-3", "above the threshold 2");

        // Version 2 turns the streak rule on again but carries an unknown key: refused, version 1 stays.
        double rejectedBefore = count(health, "cm.health.evaluation.rejected", "reason", "unknown_key");
        ObjectNode invalid = packWith(DOMINANCE, rule -> rule.put("colour", "red"));
        publish(health, ruleSet(project, 2, invalid));
        publish(health, metric(project, "r-1", 6, "chain.miner.consecutive", 9));
        publish(health, metric(project, "r-2", 6, "chain.miner.share", 0.8));
        awaitFindings(project, DOMINANCE, "r-2", f -> !f.isEmpty());

        assertThat(findings(project, STREAK, "r-1")).extracting(f -> f.data().status())
                .containsExactly(Finding.Status.FIRING, Finding.Status.RESOLVED);
        assertThat(count(health, "cm.health.evaluation.rejected", "reason", "unknown_key"))
                .isEqualTo(rejectedBefore + 1);
    }

    @Test
    void aTombstoneOnTheRulesTopicPutsTheDefaultPackBackInForce() {
        String project = EvaluationITSupport.newProjectId("tombstone");
        EvaluationITSupport.createProject(health, project);
        publish(health, ruleSet(project, 1, packWith(STREAK, rule -> rule.put("enabled", false))));
        publish(health, metric(project, "r-1", 1, "chain.miner.consecutive", 9));
        publish(health, metric(project, "r-2", 1, "chain.miner.share", 0.8));
        awaitFindings(project, DOMINANCE, "r-2", f -> !f.isEmpty());
        assertThat(findings(project, STREAK, "r-1")).isEmpty();

        // The rules API deleted the project's rule set: a null value under its key on the compacted topic.
        health.getBean(KafkaTemplate.class).send("cm.rules.v1", project, null).join();
        publish(health, metric(project, "r-1", 2, "chain.miner.consecutive", 9));

        assertThat(awaitFindings(project, STREAK, "r-1", f -> !f.isEmpty()))
                .extracting(f -> f.data().status()).containsExactly(Finding.Status.FIRING);
    }

    /** The default PoW pack as JSON with one rule changed. */
    private static ObjectNode packWith(String ruleId, java.util.function.Consumer<ObjectNode> change) {
        ObjectNode pack = RuleSetWriter.toTree(DefaultPacks.named("pow"));
        for (JsonNode rule : pack.get("rules")) {
            if (rule.get("id").asString().equals(ruleId)) {
                change.accept((ObjectNode) rule);
            }
        }
        return pack;
    }
}
