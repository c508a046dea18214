package io.chainmonitor.rules.yaml;

import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.chainmonitor.rules.model.RuleSetException;
import io.chainmonitor.rules.model.RuleSetException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every way a rule set file can be wrong fails with a reason, the rule and a message naming file and line. */
class RuleSetFileErrorsTest {

    static final String GOOD = """
            pack: pow
            retired: [pow.old-rule]
            rules:
              - id: pow.deep-reorg
                kind: event
                title: Deep reorg
                description: A reorg replaced three blocks or more.
                severity: high
                metric: chain.reorg.depth
                above: 2
                quiet: 12 blocks
              - id: pow.hashrate-surge
                kind: change
                title: Hashrate surge
                description: The hashrate rose sharply.
                severity: high
                metric: chain.hashrate
                percent: 50
                over: 10 blocks
                against: 10 blocks
              - id: pow.attack.51-percent
                kind: composite
                title: 51% attack
                description: A reorg and a hashrate surge.
                severity: extreme
                attack: 51-percent
                mode: all
                within: 20 blocks
                signals:
                  - rule: pow.deep-reorg
                  - rule: pow.hashrate-surge
            """;

    @Test
    void theExampleIsValid() {
        assertThat(RuleSetReader.read("rules.yaml", GOOD).rules()).hasSize(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsRefusedNamingRuleFileAndLine(String what, String from, String to, String lineFragment,
            Reason reason, String ruleId, String problem) {
        assertThat(GOOD).contains(from);
        String yaml = GOOD.replace(from, to);
        int line = lineOf(yaml, lineFragment);

        assertThatThrownBy(() -> RuleSetReader.read("rules.yaml", yaml))
                .isInstanceOfSatisfying(RuleSetException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.ruleId()).isEqualTo(ruleId);
                    assertThat(e.getMessage()).matches("(?s)rules\\.yaml:" + line + ":\\d+: .*");
                    assertThat(e.getMessage()).contains(problem);
                });
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("unknown key in a rule", "    percent: 50\n", "    percent: 50\n    colour: red\n",
                        "colour: red", Reason.UNKNOWN_KEY, "pow.hashrate-surge",
                        "rules[1].colour: unknown key; known keys here: against,"),
                Arguments.of("unknown top-level key", "pack: pow\n", "pack: pow\nowner: alice\n", "owner: alice",
                        Reason.UNKNOWN_KEY, null, "owner: unknown key"),
                Arguments.of("unknown key in a signal", "      - rule: pow.deep-reorg\n",
                        "      - rule: pow.deep-reorg\n        weight: 2\n", "weight: 2", Reason.UNKNOWN_KEY,
                        "pow.attack.51-percent", "rules[2].signals[0].weight: unknown key"),
                Arguments.of("unknown metric", "metric: chain.hashrate", "metric: chain.hashpower",
                        "- id: pow.hashrate-surge", Reason.UNKNOWN_METRIC, "pow.hashrate-surge",
                        "metric 'chain.hashpower' is not in the metric vocabulary"),
                Arguments.of("negative window", "quiet: 12 blocks", "quiet: -12 blocks", "quiet: -12",
                        Reason.INVALID_WINDOW, "pow.deep-reorg", "window '-12 blocks' must be positive"),
                Arguments.of("window without unit", "over: 10 blocks", "over: 10 fortnights", "over: 10 fort",
                        Reason.INVALID_WINDOW, "pow.hashrate-surge", "is not a window such as 12 blocks"),
                Arguments.of("duplicate id", "id: pow.hashrate-surge", "id: pow.deep-reorg",
                        "- id: pow.deep-reorg\n    kind: change", Reason.DUPLICATE_ID, "pow.deep-reorg",
                        "the id is used by two rules"),
                Arguments.of("reused retired id", "id: pow.hashrate-surge", "id: pow.old-rule",
                        "- id: pow.old-rule", Reason.RETIRED_ID, "pow.old-rule",
                        "the id is retired and cannot be reused"),
                Arguments.of("signal names no rule", "  - rule: pow.hashrate-surge", "  - rule: pow.hashrate-surg",
                        "- id: pow.attack", Reason.UNKNOWN_RULE, "pow.attack.51-percent",
                        "signal rule 'pow.hashrate-surg' is not in the rule set"),
                Arguments.of("bad severity", "severity: extreme", "severity: critical", "severity: critical",
                        Reason.INVALID_VALUE, "pow.attack.51-percent", "unknown severity 'critical'"),
                Arguments.of("bad attack", "attack: 51-percent", "attack: 50-percent", "attack: 50-percent",
                        Reason.INVALID_VALUE, "pow.attack.51-percent", "'50-percent' is not one of 51-percent,"),
                Arguments.of("bad kind", "kind: change", "kind: ratio", "kind: ratio", Reason.INVALID_VALUE,
                        "pow.hashrate-surge", "'ratio' is not one of threshold, change, event, composite"),
                Arguments.of("missing key", "    against: 10 blocks\n", "", "- id: pow.hashrate-surge",
                        Reason.MISSING_FIELD, "pow.hashrate-surge", "rules[1].against: required key is missing"),
                Arguments.of("text for a number", "percent: 50", "percent: fifty", "percent: fifty",
                        Reason.INVALID_VALUE, "pow.hashrate-surge", "expected a number, found a string"),
                Arguments.of("zero percent", "percent: 50", "percent: 0", "- id: pow.hashrate-surge",
                        Reason.INVALID_VALUE, "pow.hashrate-surge", "percent must not be 0"),
                Arguments.of("bad id", "id: pow.deep-reorg\n", "id: Pow Deep Reorg\n", "id: Pow Deep",
                        Reason.INVALID_VALUE, "Pow Deep Reorg", "is not a rule id such as pow.deep-reorg"),
                Arguments.of("duplicate key", "    above: 2\n", "    above: 2\n    above: 3\n", "above: 3",
                        Reason.UNREADABLE, null, "duplicate key, first written at line"));
    }

    @Test
    void aCycleBetweenCompositesIsRefusedNamingTheCycle() {
        String yaml = GOOD + """
                  - id: pow.attack.a
                    kind: composite
                    title: A
                    description: Depends on B.
                    severity: high
                    mode: all
                    within: 5m
                    signals:
                      - rule: pow.attack.b
                      - rule: pow.deep-reorg
                  - id: pow.attack.b
                    kind: composite
                    title: B
                    description: Depends on A.
                    severity: high
                    mode: all
                    within: 5m
                    signals:
                      - rule: pow.attack.a
                      - rule: pow.hashrate-surge
                """;

        assertThatThrownBy(() -> RuleSetReader.read("rules.yaml", yaml))
                .isInstanceOfSatisfying(RuleSetException.Conflict.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CYCLE);
                    assertThat(e.ruleId()).isEqualTo("pow.attack.a");
                })
                .hasMessage("rules.yaml:" + lineOf(yaml, "- id: pow.attack.a") + ":5: pow.attack.a: composites "
                        + "depend on each other in a cycle: pow.attack.a -> pow.attack.b -> pow.attack.a");
    }

    @Test
    void aCompositeThatListensToItselfIsACycle() {
        String yaml = GOOD.replace("  - rule: pow.hashrate-surge", "  - rule: pow.attack.51-percent");

        assertThatThrownBy(() -> RuleSetReader.read("rules.yaml", yaml)).isInstanceOf(RuleSetException.class)
                .hasMessageContaining("cycle: pow.attack.51-percent -> pow.attack.51-percent");
    }

    @Test
    void notYamlIsRefusedWithTheLineOfTheSyntaxError() {
        String yaml = GOOD.replace("severity: high\n    metric: chain.hashrate", "severity: [high\n    metric: x");

        assertThatThrownBy(() -> RuleSetReader.read("rules.yaml", yaml))
                .isInstanceOfSatisfying(RuleSetException.Invalid.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE))
                .hasMessageMatching("(?s)rules\\.yaml:\\d+:\\d+: not valid YAML: .*");
    }

    @Test
    void anEmptyDocumentAndAListAreRefused() {
        assertThatThrownBy(() -> RuleSetReader.read("empty.yaml", "")).isInstanceOf(RuleSetException.class)
                .hasMessage("empty.yaml: the file is empty");
        assertThatThrownBy(() -> RuleSetReader.read("list.yaml", "- pack: pow\n"))
                .isInstanceOf(RuleSetException.class)
                .hasMessage("list.yaml:1:1: (root): a rule set holds one mapping, found a list");
    }

    static int lineOf(String yaml, String fragment) {
        String[] lines = yaml.split("\n", -1);
        String first = fragment.split("\n")[0];
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(first) && (fragment.indexOf('\n') < 0 || String.join("\n", java.util.Arrays
                    .copyOfRange(lines, i, lines.length)).startsWith(lines[i].substring(0, lines[i].indexOf(first))
                            + fragment))) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + Pattern.quote(fragment));
    }
}
