package io.chainmonitor.health.rules;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RulePatchTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static ObjectNode rule() {
        return (ObjectNode) json("""
                {"id": "pow.cpu-high", "kind": "threshold", "title": "CPU", "description": "d", "severity": "medium",
                 "metric": "node.cpu.percent", "labels": {"a": "1", "b": "2"}, "above": 90, "over": "1m", "resolve": 70}
                """);
    }

    @Test
    void aMergePatchSetsReplacesAndRemovesMembersAsRfc7386Says() {
        JsonNode patched = MergePatch.apply(json("""
                {"a": "b", "c": {"d": "e", "f": "g"}, "keep": [1, 2]}"""), json("""
                {"a": "z", "c": {"f": null, "h": 1}, "new": [3]}"""));

        assertThat(patched).isEqualTo(json("""
                {"a": "z", "c": {"d": "e", "h": 1}, "keep": [1, 2], "new": [3]}"""));
    }

    @Test
    void aMergePatchReplacesArraysWholeAndLeavesItsInputsAlone() {
        JsonNode target = json("{\"list\": [1, 2, 3]}");
        JsonNode patch = json("{\"list\": [4]}");

        assertThat(MergePatch.apply(target, patch)).isEqualTo(json("{\"list\": [4]}"));
        assertThat(target).isEqualTo(json("{\"list\": [1, 2, 3]}"));
    }

    @Test
    void aRulePatchChangesTheThresholdAndDropsTheResolveValueBackToItsDefault() {
        ObjectNode before = rule();

        ObjectNode after = RulePatch.apply(before, json("{\"above\": 95, \"resolve\": null, \"enabled\": false}"));

        assertThat(after.get("above").asInt()).isEqualTo(95);
        assertThat(after.has("resolve")).isFalse();
        assertThat(after.get("enabled").asBoolean()).isFalse();
        assertThat(after.get("metric").asString()).isEqualTo("node.cpu.percent");
        assertThat(before.get("above").asInt()).isEqualTo(90);
    }

    @Test
    void aRulePatchMayNotChangeWhatTheRuleIs() {
        assertThatThrownBy(() -> RulePatch.apply(rule(), json("{\"metric\": \"node.peers\"}")))
                .isInstanceOfSatisfying(RulesApiException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RulesApiException.Reason.INVALID_PATCH);
                    assertThat(e.getMessage()).contains("'metric' cannot be patched");
                    assertThat(e.getBody().getProperties()).containsEntry("pointer", "/metric");
                });
        assertThatThrownBy(() -> RulePatch.apply(rule(), json("{\"id\": \"x\"}")))
                .isInstanceOf(RulesApiException.class);
    }

    @Test
    void aRulePatchIsANonEmptyObject() {
        assertThatThrownBy(() -> RulePatch.apply(rule(), json("[1]"))).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> RulePatch.apply(rule(), json("{}"))).hasMessageContaining("changes nothing");
    }
}
