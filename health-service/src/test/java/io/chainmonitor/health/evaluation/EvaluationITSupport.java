package io.chainmonitor.health.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.project.ProjectLifecycle;
import io.chainmonitor.events.rules.RuleSet;
import io.chainmonitor.health.HealthApplication;
import io.chainmonitor.support.embedded.test.EmbeddedInfrastructure;
import io.chainmonitor.support.kafka.EventPublisher;
import io.chainmonitor.support.kafka.test.TopicReader;
import io.chainmonitor.support.security.test.JwtTestTokens;

import static org.awaitility.Awaitility.await;

/** Starting the health service on the shared broker and database, and the events the evaluation tests send. */
final class EvaluationITSupport {

    static final String FINDINGS = "cm.findings.v1";
    /** The replica {@link #createProject} probes with; its findings are no test's subject. */
    static final String PROBE = "probe";
    private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

    private EvaluationITSupport() {
    }

    /** A health service on {@code database}, consuming in its own group so that it reads every topic from the start. */
    static ConfigurableApplicationContext start(String database, String group, Map<String, String> extra) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.kafka.bootstrap-servers", EmbeddedInfrastructure.bootstrapServers());
        properties.put("spring.datasource.url", EmbeddedInfrastructure.jdbcUrl(database));
        properties.put("spring.datasource.username", EmbeddedInfrastructure.postgres().username());
        properties.put("spring.datasource.password", EmbeddedInfrastructure.postgres().password());
        properties.put("spring.kafka.consumer.group-id", group + "-heartbeats");
        properties.put("chain-monitor.health.evaluation.group-id", group);
        properties.put("server.port", "0");
        properties.put("management.server.port", "0");
        properties.put("chain-monitor.security.jwt.hmac-secret", JwtTestTokens.DEFAULT_HMAC_SECRET);
        properties.put("chain-monitor.heartbeat.enabled", "false");
        properties.putAll(extra);
        // As arguments: they must win over the service's own configuration file, which default properties do not.
        return HealthApplication.builder()
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    static String newProjectId(String name) {
        return "eval-" + name + "-" + UUID.randomUUID();
    }

    static void publish(ConfigurableApplicationContext context, Envelope<?> event) {
        context.getBean(EventPublisher.class).publish(event).join();
    }

    /**
     * Publishes the project's creation and waits until the evaluation knows it. The lifecycle and the metrics travel
     * on different topics, which a consumer may read in any order: a probe replica's batch that fires the streak rule
     * is sent until it fires (the ones before are skipped as of an unknown project, the ones after change nothing).
     */
    static void createProject(ConfigurableApplicationContext context, String projectId) {
        publish(context, projectCreated(projectId));
        long[] height = {0};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            publish(context, metric(projectId, PROBE, ++height[0], "chain.miner.consecutive", 50));
            return !findings(projectId, "pow.miner-streak", PROBE).isEmpty();
        });
    }

    static Envelope<ProjectLifecycle> projectCreated(String projectId) {
        return Envelope.of("/spawner-service/projects", "projects/" + projectId, projectId, Severity.LOW,
                new ProjectLifecycle(projectId, ProjectLifecycle.Change.CREATED, "eval-it", "litecoin", "bitcoin",
                        "pow", null, 2, List.of("local"), 1));
    }

    /** One block's batch of one sample for a replica, observed {@code height} seconds after a fixed start. */
    static Envelope<MetricBatch> metric(String projectId, String replicaId, long height, String metric,
            double value) {
        MetricBatch batch = new MetricBatch(replicaId, "litecoin", height, "hash-" + height,
                T0.plusSeconds(height), "chain-watcher",
                List.of(new MetricBatch.Sample(metric, value, null, Map.of())));
        return Envelope.of("/chain-watcher-service/metrics", "projects/" + projectId + "/replicas/" + replicaId,
                projectId, Severity.LOW, batch);
    }

    static Envelope<RuleSet> ruleSet(String projectId, long version, JsonNode rules) {
        return Envelope.of("/health-service/rules-api", "projects/" + projectId + "/rules", projectId, Severity.LOW,
                new RuleSet(projectId, version, "litecoin", "pow", Instant.now(), "it@example.com", rules));
    }

    /** The project's findings but those of the probe replica. */
    @SuppressWarnings("unchecked")
    static List<Envelope<Finding>> findings(String projectId) {
        return TopicReader.eventsOf(FINDINGS, projectId).stream().map(event -> (Envelope<Finding>) event)
                .filter(finding -> !PROBE.equals(finding.data().replicaId()))
                .toList();
    }

    /** The project's findings of one rule and replica, in order. */
    @SuppressWarnings("unchecked")
    static List<Envelope<Finding>> findings(String projectId, String ruleId, String replicaId) {
        return TopicReader.eventsOf(FINDINGS, projectId).stream().map(event -> (Envelope<Finding>) event)
                .filter(f -> f.data().ruleId().equals(ruleId) && replicaId.equals(f.data().replicaId()))
                .toList();
    }

    static List<Envelope<Finding>> awaitFindings(String projectId, String ruleId, String replicaId,
            Predicate<List<Envelope<Finding>>> done) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> findings(projectId, ruleId, replicaId), done);
    }

    static double count(ConfigurableApplicationContext context, String meter, String... tags) {
        var counter = context.getBean(MeterRegistry.class).find(meter).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
