package io.chainmonitor.health.rules;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.audit.AuditEntry;
import io.chainmonitor.events.project.ProjectLifecycle;
import io.chainmonitor.events.rules.RuleSet;
import io.chainmonitor.rules.model.RuleSetDefinition;
import io.chainmonitor.rules.model.ThresholdRule;
import io.chainmonitor.rules.pack.DefaultPacks;
import io.chainmonitor.rules.yaml.RuleSetReader;
import io.chainmonitor.support.kafka.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RuleSetApiIT extends RulesApiIT {

    @Autowired
    private MeterRegistry meters;
    private final String owner = "owner-" + UUID.randomUUID();
    private final String token = user(owner);

    private static final String CUSTOM = "# rules as code, kept in the project's repository\n" + MEMPOOL_RULE_SET
            + """
                      - id: ci.reorg
                        kind: event
                        title: Reorg
                        description: The replica switched branches.
                        severity: low
                        event: reorg
                        quiet: 6 blocks
                    """;

    private String rules(String projectId) {
        return "/api/v1/projects/" + projectId + "/rules";
    }

    @Test
    void theDefaultPackOfAChainTypeComesAsJsonOrYaml() {
        HttpResponse<String> json = get("/api/v1/chain-types/litecoin/rules/default", token, null);
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        assertThat(RuleSetReader.read("json", json(json))).isEqualTo(DefaultPacks.named("pow"));

        HttpResponse<String> yaml = get("/api/v1/chain-types/anvil/rules/default", token, YAML);
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(YAML));
        assertThat(RuleSetReader.read("yaml", yaml.body())).isEqualTo(DefaultPacks.named("pos"));
    }

    @Test
    void anUnknownChainTypeIsABadRequestListingTheValidOnes() {
        HttpResponse<String> response = get("/api/v1/chain-types/dogecoin/rules/default", token, null);

        assertProblem(response, 400, "unknown-chain-type");
        assertThat(json(response).get("detail").asString()).contains("dogecoin", "litecoin", "anvil");
        assertThat(json(response).get("validChainTypes").toString()).contains("litecoin", "anvil");
        assertProblem(get("/api/v1/chain-types/dogecoin/rules/default", token, YAML), 400, "unknown-chain-type");
        assertProblem(get("/api/v1/chain-types/litecoin/rules/default", token, "text/html"), 406, "not-acceptable");
    }

    @Test
    void aProjectWithoutChangesHasItsChainsDefaultPackAtVersionZero() {
        String projectId = project(owner, "litecoin", "pow");

        HttpResponse<String> response = get(rules(projectId), token, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).hasValue("\"0\"");
        JsonNode view = json(response);
        assertThat(view.get("version").asLong()).isZero();
        assertThat(view.get("chainType").asString()).isEqualTo("litecoin");
        assertThat(RuleSetReader.read("json", view.get("rules"))).isEqualTo(DefaultPacks.named("pow"));
    }

    @Test
    void someoneElsesProjectIsNotFoundAndNoTokenIsUnauthorized() {
        String projectId = project(owner, "litecoin", "pow");

        assertProblem(get(rules(projectId), user("mallory"), null), 404, "not-found");
        assertThat(get(rules(projectId), null, null).statusCode()).isEqualTo(401);
        assertProblem(send("PUT", rules(projectId), user("mallory"), YAML, CUSTOM, Map.of()), 404, "not-found");

        publisher.publish(Envelope.of("/spawner-service/projects", "projects/" + projectId, projectId, Severity.LOW,
                new ProjectLifecycle(projectId, ProjectLifecycle.Change.DELETED, "gone", "litecoin", null, "pow", null,
                        0, List.of(), 2, owner)))
                .join();
        await().until(() -> get(rules(projectId), token, null).statusCode() == 404);
        assertProblem(send("PUT", rules(projectId), token, YAML, CUSTOM, Map.of()), 404, "not-found");
    }

    @Test
    void aYamlImportIsExportedAgainAsTheSameRuleSetAndKeptAsVersionOne() {
        String projectId = project(owner, "litecoin", "pow");

        HttpResponse<String> put = send("PUT", rules(projectId), token, YAML, CUSTOM, Map.of("If-Match", "\"0\""));

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.headers().firstValue("ETag")).hasValue("\"1\"");
        HttpResponse<String> yaml = get(rules(projectId), token, YAML);
        assertThat(yaml.headers().firstValue("ETag")).hasValue("\"1\"");
        RuleSetDefinition imported = RuleSetReader.read("ci", CUSTOM);
        RuleSetDefinition exported = RuleSetReader.read("export", yaml.body());
        assertThat(exported.rules()).isEqualTo(imported.rules());
        assertThat(exported.retired()).as("the default pack's rules the import dropped are retired")
                .contains("pow.cpu-high", "pow.attack.51-percent").doesNotContain("ci.reorg");
        assertThat(RuleSetReader.read("json", json(get(rules(projectId), token, null)).get("rules")))
                .isEqualTo(exported);

        for (String same : List.of(yaml.body(), CUSTOM)) {
            HttpResponse<String> again = send("PUT", rules(projectId), token, YAML, same, Map.of());
            assertThat(again.headers().firstValue("ETag")).as("an unchanged import adds no version")
                    .hasValue("\"1\"");
        }
        assertThat(RuleSetReader.read("v1", get(rules(projectId) + "/versions/1", token, YAML).body()))
                .isEqualTo(exported);
        assertThat(RuleSetReader.read("v0", json(get(rules(projectId) + "/versions/0", token, null)).get("rules")))
                .isEqualTo(DefaultPacks.named("pow"));
        assertProblem(get(rules(projectId) + "/versions/2", token, null), 404, "not-found");
        JsonNode versions = json(get(rules(projectId) + "/versions", token, null));
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).get("change").asString()).isEqualTo("replaced");
    }

    @Test
    void patchingAThresholdMakesANewVersionAnnouncedOnTheRulesTopicAndAudited() {
        String projectId = project(owner, "litecoin", "pow");
        send("PUT", rules(projectId), token, YAML, CUSTOM, Map.of());

        HttpResponse<String> patched = send("PATCH", rules(projectId) + "/ci.mempool-high", token,
                "application/merge-patch+json", "{\"above\": 8000, \"severity\": \"high\"}",
                Map.of("If-Match", "\"1\""));

        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(patched.headers().firstValue("ETag")).hasValue("\"2\"");
        ThresholdRule rule = (ThresholdRule) RuleSetReader.read("json", json(patched).get("rules"))
                .rule("ci.mempool-high").orElseThrow();
        assertThat(rule.value()).isEqualTo(8000);
        assertThat(rule.header().severity().wireName()).isEqualTo("high");

        List<Envelope<?>> ruleSets = await().until(() -> TopicReader.eventsOf("cm.rules.v1", projectId),
                events -> events.size() == 2);
        RuleSet latest = (RuleSet) ruleSets.get(1).data();
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.updatedBy()).isEqualTo(owner);
        assertThat(latest.chainType()).isEqualTo("litecoin");
        assertThat(RuleSetReader.read("event", latest.rules()).rule("ci.mempool-high")).contains(rule);
        assertThat(((RuleSet) ruleSets.get(0).data()).version()).isEqualTo(1);

        List<Envelope<?>> audit = await().until(() -> TopicReader.eventsOf("cm.audit.v1", projectId),
                events -> events.size() == 2);
        AuditEntry entry = (AuditEntry) audit.get(1).data();
        assertThat(entry.action()).isEqualTo("rules.rule.changed");
        assertThat(entry.actor()).isEqualTo(owner);
        assertThat(entry.resourceType()).isEqualTo("rule-set");
        assertThat(entry.changes()).containsEntry("version", "1 -> 2").containsEntry("ruleId", "ci.mempool-high")
                .containsEntry("above", "5000.0 -> 8000").containsEntry("severity", "medium -> high");
    }

    @Test
    void aRemovedRuleIdIsRetiredForGoodAndAnAddedRuleGetsItsOwnVersion() {
        String projectId = project(owner, "litecoin", "pow");
        send("PUT", rules(projectId), token, YAML, CUSTOM, Map.of());

        HttpResponse<String> removed = send("DELETE", rules(projectId) + "/ci.reorg", token, null, null, Map.of());
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
        assertThat(removed.headers().firstValue("ETag")).hasValue("\"2\"");

        String reorgAgain = """
                id: ci.reorg
                kind: event
                title: Reorg
                description: Again.
                severity: low
                event: reorg
                quiet: 6 blocks
                """;
        HttpResponse<String> reused = send("POST", rules(projectId), token, YAML, reorgAgain, Map.of());
        assertProblem(reused, 422, "rule-set-rejected");
        assertThat(json(reused).get("reason").asString()).isEqualTo("retired_id");
        String importWithoutRetired = CUSTOM;
        assertProblem(send("PUT", rules(projectId), token, YAML, importWithoutRetired, Map.of()), 422,
                "rule-set-rejected");

        HttpResponse<String> added = send("POST", rules(projectId), token, YAML,
                reorgAgain.replace("ci.reorg", "ci.reorg-2"), Map.of());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(added.headers().firstValue("Location"))
                .hasValue("/api/v1/projects/" + projectId + "/rules/ci.reorg-2");
        assertThat(json(added).get("version").asLong()).isEqualTo(3);
        assertThat(json(added).get("rules").get("retired").valueStream().map(JsonNode::asString))
                .contains("pow.cpu-high").endsWith("ci.reorg");
        assertThat(json(get(rules(projectId) + "/versions", token, null)).findValuesAsString("change"))
                .containsExactly("rule.added", "rule.removed", "replaced");
    }

    @Test
    void anIfMatchOfAnOlderVersionIsAPreconditionFailureAndChangesNothing() {
        String projectId = project(owner, "litecoin", "pow");
        send("PUT", rules(projectId), token, YAML, CUSTOM, Map.of());

        double before = meters.counter("cm.rules.refused", "reason", "version_mismatch").count();

        HttpResponse<String> stale = send("PATCH", rules(projectId) + "/ci.mempool-high", token, "application/json",
                "{\"enabled\": false}", Map.of("If-Match", "\"0\""));

        assertProblem(stale, 412, "version-mismatch");
        assertThat(json(stale).get("instance").asString()).isEqualTo(rules(projectId) + "/ci.mempool-high");
        assertThat(meters.counter("cm.rules.refused", "reason", "version_mismatch").count()).isEqualTo(before + 1);
        assertThat(json(stale).get("currentVersion").asLong()).isEqualTo(1);
        assertThat(json(get(rules(projectId), token, null)).get("version").asLong()).isEqualTo(1);
    }

    @Test
    void concurrentChangesWithoutIfMatchEachGetTheirOwnVersion() {
        String projectId = project(owner, "litecoin", "pow");
        send("PUT", rules(projectId), token, YAML, CUSTOM, Map.of());

        List<CompletableFuture<HttpResponse<String>>> patches = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> send("PATCH", rules(projectId)
                        + "/ci.mempool-high", token, "application/json", "{\"above\": " + (6000 + i) + "}",
                        Map.of())))
                .toList();

        List<Long> versions = patches.stream().map(CompletableFuture::join).map(response -> {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return json(response).get("version").asLong();
        }).sorted().toList();
        assertThat(versions).containsExactly(2L, 3L, 4L, 5L);
        assertThat(json(get(rules(projectId) + "/versions", token, null))).hasSize(5);
    }
}
