package io.chainmonitor.health.rules;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class BadRuleSetsIT extends RulesApiIT {

    private static final String GOOD = MEMPOOL_RULE_SET + "    over: 5 blocks\n";

    private final String owner = "owner-" + UUID.randomUUID();
    private final String token = user(owner);
    private String projectId;
    private String rules;

    @BeforeEach
    void aProjectAtVersionOne() {
        projectId = project(owner, "litecoin", "pow");
        rules = "/api/v1/projects/" + projectId + "/rules";
        assertThat(send("PUT", rules, token, YAML, GOOD, Map.of()).statusCode()).isEqualTo(200);
    }

    private void assertVersionOneStillCurrent() {
        JsonNode current = json(get(rules, token, null));
        assertThat(current.get("version").asLong()).isEqualTo(1);
        assertThat(current.get("rules").get("rules").get(0).get("above").asDouble()).isEqualTo(5000);
        assertThat(jdbc.sql("select count(*) from rule_set_version where project_id = ?").param(projectId)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from rules_outbox where convert_from(envelope, 'UTF8') like ?")
                .param("%" + projectId + "%").query(Long.class).single()).as("one RuleSet and one audit entry")
                .isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown metric|metric: node.mempool.size|metric: chain.hashpower|422|rule-set-rejected|unknown_metric|"
                    + "metric 'chain.hashpower' is not in the metric vocabulary|3",
            "negative window|over: 5 blocks|over: -5 blocks|400|invalid-rule-set|invalid_window|must be positive|10",
            "unknown key|above: 5000|colour: red|400|invalid-rule-set|unknown_key|rules[0].colour: unknown key|9"})
    void aBadYamlImportIsRefusedWithItsLineAndTheCurrentVersionStays(String name, String from, String to,
            int status, String type, String reason, String message, int line) {
        HttpResponse<String> refused = send("PUT", rules, token, YAML, GOOD.replace(from, to), Map.of());

        assertProblem(refused, status, type);
        JsonNode problem = json(refused);
        assertThat(problem.get("reason").asString()).isEqualTo(reason);
        assertThat(problem.get("detail").asString()).startsWith("request body:" + line + ":").contains(message);
        assertThat(problem.get("line").asInt()).isEqualTo(line);
        assertThat(problem.get("pointer").asString()).startsWith("/rules/0");
        assertVersionOneStillCurrent();
    }

    @Test
    void aCycleBetweenCompositesIsRejectedNamingTheCycle() {
        String cycle = GOOD + """
                  - id: ci.a
                    kind: composite
                    title: A
                    description: a
                    severity: high
                    mode: all
                    within: 10m
                    signals: [{rule: ci.mempool-high}, {rule: ci.b}]
                  - id: ci.b
                    kind: composite
                    title: B
                    description: b
                    severity: high
                    mode: all
                    within: 10m
                    signals: [{rule: ci.mempool-high}, {rule: ci.a}]
                """;

        HttpResponse<String> refused = send("PUT", rules, token, YAML, cycle, Map.of());

        assertProblem(refused, 422, "rule-set-rejected");
        assertThat(json(refused).get("reason").asString()).isEqualTo("cycle");
        assertThat(json(refused).get("detail").asString()).contains("ci.a -> ci.b -> ci.a");
        assertThat(json(refused).get("pointer").asString()).isEqualTo("/rules/1");
        assertVersionOneStillCurrent();
    }

    @Test
    void anUnknownKeyInAJsonBodyIsNamedByItsJsonPointer() {
        String json = """
                {"pack": "pow", "rules": [{"id": "ci.x", "kind": "threshold", "title": "X", "description": "x",
                  "severity": "low", "metric": "node.peers", "below": 2, "labels": {"peer": "a"}, "colour": "red"}]}
                """;

        HttpResponse<String> refused = send("PUT", rules, token, "application/json", json, Map.of());

        assertProblem(refused, 400, "invalid-rule-set");
        assertThat(json(refused).get("pointer").asString()).isEqualTo("/rules/0/colour");
        assertThat(json(refused).get("line").asInt()).isEqualTo(2);
        assertVersionOneStillCurrent();
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedAsTooLarge() {
        String padding = "# " + "x".repeat(1024) + "\n";
        String huge = GOOD + padding.repeat(1025);

        HttpResponse<String> refused = send("PUT", rules, token, YAML, huge, Map.of());

        assertProblem(refused, 413, "rule-set-too-large");
        assertThat(json(refused).get("maxBytes").asLong()).isEqualTo(1024 * 1024);
        assertVersionOneStillCurrent();
    }

    @Test
    void aBodyThatIsNeitherJsonNorYamlIsUnsupported() {
        assertProblem(send("PUT", rules, token, "text/plain", GOOD, Map.of()), 415, "unsupported-media-type");
        assertVersionOneStillCurrent();
    }

    @Test
    void aPatchWithANegativeWindowOrAKeyThatMayNotChangeIsRefusedWithItsPointer() {
        HttpResponse<String> window = send("PATCH", rules + "/ci.mempool-high", token,
                "application/merge-patch+json", "{\"over\": \"-3 blocks\"}", Map.of());
        assertProblem(window, 400, "invalid-rule-set");
        assertThat(json(window).get("pointer").asString()).isEqualTo("/over");
        assertThat(json(window).get("reason").asString()).isEqualTo("invalid_window");

        HttpResponse<String> metric = send("PATCH", rules + "/ci.mempool-high", token, "application/json",
                "{\"metric\": \"node.peers\"}", Map.of());
        assertProblem(metric, 400, "invalid-patch");
        assertThat(json(metric).get("pointer").asString()).isEqualTo("/metric");

        assertProblem(send("PATCH", rules + "/ci.nothing", token, "application/json", "{\"above\": 1}", Map.of()),
                404, "not-found");
        assertVersionOneStillCurrent();
    }

    @Test
    void removingARuleACompositeListensToIsRejected() {
        String composite = GOOD + """
                  - id: ci.pair
                    kind: composite
                    title: Pair
                    description: p
                    severity: high
                    mode: all
                    within: 10m
                    signals: [{rule: ci.mempool-high}, {event: reorg}]
                """;
        assertThat(send("PUT", rules, token, YAML, composite, Map.of()).statusCode()).isEqualTo(200);

        HttpResponse<String> refused = send("DELETE", rules + "/ci.mempool-high", token, null, null, Map.of());

        assertProblem(refused, 422, "rule-set-rejected");
        assertThat(json(refused).get("reason").asString()).isEqualTo("unknown_rule");
        assertThat(json(get(rules, token, null)).get("version").asLong()).isEqualTo(2);
    }
}
