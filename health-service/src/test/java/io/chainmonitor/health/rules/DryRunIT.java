package io.chainmonitor.health.rules;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.chain.MetricBatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DryRunIT extends RulesApiIT {

    /** Event times are the test's input, not a wall-clock assertion: recent enough to be inside the retention. */
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);

    private final String owner = "owner-" + UUID.randomUUID();
    private final String token = user(owner);

    /** Publishes one mempool batch per block, as the spawner's telemetry would, and waits until all are stored. */
    private List<Envelope<MetricBatch>> mempool(String projectId, double... sizes) {
        List<Envelope<MetricBatch>> events = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            MetricBatch batch = new MetricBatch("r-1", "litecoin", 100L + i, null, START.plusSeconds(60L * i),
                    "spawner", List.of(new MetricBatch.Sample("node.mempool.size", sizes[i], "transactions", null)));
            Envelope<MetricBatch> event = Envelope.of("/spawner-service/telemetry", "projects/" + projectId
                    + "/replicas/r-1", projectId, Severity.LOW, batch);
            publisher.publish(event).join();
            events.add(event);
        }
        // One event delivered twice must still be replayed once.
        publisher.publish(events.getFirst()).join();
        await().until(() -> jdbc.sql("select count(*) from metric_history where project_id = ?").param(projectId)
                .query(Long.class).single() == sizes.length);
        return events;
    }

    private HttpResponse<String> dryRun(String projectId, String query, String contentType, String body) {
        return send("POST", "/api/v1/projects/" + projectId + "/rules/dry-run" + query, token, contentType, body,
                Map.of());
    }

    @Test
    void theCurrentRuleSetReplayedOverStoredBatchesSaysWhenTheMempoolRuleFiredAndResolved() {
        String projectId = project(owner, "litecoin", "pow");
        mempool(projectId, 100, 5200, 5300, 5400, 100);

        HttpResponse<String> response = dryRun(projectId, "", null, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.get("version").asLong()).isZero();
        assertThat(result.get("events").asLong()).isEqualTo(5);
        JsonNode findings = result.get("findings");
        assertThat(findings).hasSize(2);
        JsonNode fired = findings.get(0);
        assertThat(fired.get("ruleId").asString()).isEqualTo("pow.mempool-backlog");
        assertThat(fired.get("status").asString()).isEqualTo("firing");
        assertThat(fired.get("severity").asString()).isEqualTo("medium");
        assertThat(Instant.parse(fired.get("at").asString())).isEqualTo(START.plusSeconds(180));
        assertThat(fired.get("evidence").get("value").asDouble()).isEqualTo(5400);
        assertThat(fired.get("evidence").get("threshold").asDouble()).isEqualTo(5000);
        assertThat(fired.get("replicaId").asString()).isEqualTo("r-1");
        JsonNode resolved = findings.get(1);
        assertThat(resolved.get("status").asString()).isEqualTo("resolved");
        assertThat(Instant.parse(resolved.get("at").asString())).isEqualTo(START.plusSeconds(240));
        assertThat(resolved.get("fingerprint")).isEqualTo(fired.get("fingerprint"));
        assertThat(result.get("stillFiring")).isEmpty();
    }

    @Test
    void aNearMissFiresNothing() {
        String projectId = project(owner, "litecoin", "pow");
        mempool(projectId, 100, 5200, 5300, 100, 5400, 5000);

        JsonNode result = json(dryRun(projectId, "", null, null));

        assertThat(result.get("events").asLong()).isEqualTo(6);
        assertThat(result.get("findings")).isEmpty();
        assertThat(result.get("firing").asInt()).isZero();
    }

    @Test
    void aRuleSetSentWithTheRequestRunsOverAHeightRangeWithoutChangingTheCurrentOne() {
        String projectId = project(owner, "litecoin", "pow");
        mempool(projectId, 100, 5200, 100, 7000, 100);
        String yaml = """
                pack: pow
                rules:
                  - id: ci.mempool-spike
                    kind: threshold
                    title: Mempool spike
                    description: One block with a big backlog.
                    severity: high
                    metric: node.mempool.size
                    above: 6000
                    resolve: 1000
                """;

        JsonNode result = json(dryRun(projectId, "?from=102&to=104", YAML, yaml));

        assertThat(result.has("version") && !result.get("version").isNull()).isFalse();
        assertThat(result.get("events").asLong()).isEqualTo(3);
        assertThat(result.get("findings").findValuesAsString("status")).containsExactly("firing", "resolved");
        assertThat(result.get("findings").get(0).get("height").asLong()).isEqualTo(103);
        assertThat(result.get("findings").get(0).get("severity").asString()).isEqualTo("high");
        assertThat(json(get("/api/v1/projects/" + projectId + "/rules", token, null)).get("version").asLong())
                .isZero();
    }

    @Test
    void aRangeOverTheEventLimitIsRefusedAndABadRangeOrRuleSetIsABadRequest() {
        String projectId = project(owner, "litecoin", "pow");
        double[] many = new double[41];
        mempool(projectId, many);

        HttpResponse<String> tooMany = dryRun(projectId, "", null, null);
        assertProblem(tooMany, 422, "dry-run-range-too-large");
        assertThat(json(tooMany).get("events").asLong()).isEqualTo(41);
        assertThat(json(tooMany).get("maxEvents").asLong()).isEqualTo(40);

        assertThat(json(dryRun(projectId, "?from=100&to=110", null, null)).get("events").asLong()).isEqualTo(11);
        assertProblem(dryRun(projectId, "?from=110&to=100", null, null), 400, "invalid-request");
        assertProblem(dryRun(projectId, "?from=100", null, null), 400, "invalid-request");
        assertProblem(dryRun(projectId, "?from=100&to=110", YAML, "pack: pow\nrules: [{id: x}]\n"), 400,
                "invalid-rule-set");
    }
}
