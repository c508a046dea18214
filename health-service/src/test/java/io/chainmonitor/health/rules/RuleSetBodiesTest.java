package io.chainmonitor.health.rules;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.chainmonitor.health.HealthProperties;
import io.chainmonitor.rules.model.RuleSetDefinition;
import io.chainmonitor.rules.pack.DefaultPacks;
import io.chainmonitor.rules.yaml.RuleSetWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleSetBodiesTest {

    private final RuleSetBodies bodies = new RuleSetBodies(new HealthProperties(Duration.ofSeconds(45),
            new HealthProperties.Rules(DataSize.ofBytes(64), List.of(), Duration.ofMillis(500), 200,
                    Duration.ofDays(7), Duration.ofMinutes(10), 200_000, 10_000),
            null, null, null));
    private final RuleSetBodies large = new RuleSetBodies(new HealthProperties(Duration.ofSeconds(45),
            new HealthProperties.Rules(DataSize.ofMegabytes(1), List.of(), Duration.ofMillis(500), 200,
                    Duration.ofDays(7), Duration.ofMinutes(10), 200_000, 10_000),
            null, null, null));

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhileReadingEvenWithoutAContentLength() {
        assertThat(bodies.read(new ByteArrayInputStream(new byte[64]), -1)).hasSize(64);
        assertThatThrownBy(() -> bodies.read(new ByteArrayInputStream(new byte[65]), -1))
                .isInstanceOfSatisfying(RulesApiException.class,
                        e -> assertThat(e.reason()).isEqualTo(RulesApiException.Reason.BODY_TOO_LARGE));
        assertThatThrownBy(() -> bodies.read(new ByteArrayInputStream(new byte[0]), 10_000))
                .isInstanceOf(RulesApiException.class);
    }

    @Test
    void yamlAndJsonFormsOfADefaultPackReadBackEqual() {
        RuleSetDefinition pow = DefaultPacks.named("pow");
        assertThat(large.ruleSet(utf8(RuleSetWriter.toYaml(pow)), RuleFormat.YAML)).isEqualTo(pow);
        assertThat(large.ruleSet(utf8(RuleSetWriter.toTree(pow).toPrettyString().replace("  ", "\t")),
                RuleFormat.JSON)).isEqualTo(pow);
    }

    @Test
    void anUnknownKeyInYamlIsNamedWithItsLineAndPointer() {
        String yaml = """
                pack: pow
                rules:
                  - id: my.cpu
                    kind: threshold
                    title: CPU
                    description: busy
                    severity: medium
                    metric: node.cpu.percent
                    above: 90
                    colour: red
                """;
        assertThatThrownBy(() -> large.ruleSet(utf8(yaml), RuleFormat.YAML))
                .isInstanceOfSatisfying(RulesApiException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RulesApiException.Reason.INVALID_RULE_SET);
                    assertThat(e.getMessage()).startsWith("request body:10:5: rules[0].colour: unknown key");
                    assertThat(e.getBody().getProperties()).containsEntry("line", 10).containsEntry("key",
                            "rules[0].colour").containsEntry("pointer", "/rules/0/colour")
                            .containsEntry("reason", "unknown_key");
                });
    }

    @Test
    void anUnknownMetricInJsonIsRejectedWithThePointerOfItsRule() {
        String json = """
                {"pack": "pow", "rules": [
                  {"id": "my.cpu", "kind": "threshold", "title": "CPU", "description": "busy", "severity": "medium",
                   "metric": "node.cpu.percent", "above": 90},
                  {"id": "my.hash", "kind": "threshold", "title": "H", "description": "h", "severity": "low",
                   "metric": "chain.hashpower", "above": 1}]}
                """;
        assertThatThrownBy(() -> large.ruleSet(utf8(json), RuleFormat.JSON))
                .isInstanceOfSatisfying(RulesApiException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RulesApiException.Reason.RULE_SET_REJECTED);
                    assertThat(e.getMessage()).contains("request body:4:3: my.hash: metric 'chain.hashpower'");
                    assertThat(e.getBody().getProperties()).containsEntry("pointer", "/rules/1")
                            .containsEntry("ruleId", "my.hash").containsEntry("reason", "unknown_metric");
                });
    }

    @Test
    void aBodyThatIsNotJsonSaysWhere() {
        assertThatThrownBy(() -> large.ruleSet(utf8("{\"pack\": \"pow\",\n \"rules\": [}"), RuleFormat.JSON))
                .isInstanceOfSatisfying(RulesApiException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RulesApiException.Reason.INVALID_RULE_SET);
                    assertThat(e.getMessage()).startsWith("request body:2:").contains("not valid JSON");
                });
    }
}
