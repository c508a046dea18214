package io.chainmonitor.rules.eval;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.rules.model.Rule;
import io.chainmonitor.rules.model.RuleSetDefinition;
import io.chainmonitor.rules.pack.DefaultPacks;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule and attack signature of the default packs fires on its recorded sequence and not on its near miss. */
class DefaultPackScenariosTest {

    static Stream<Arguments> everyDefaultRule() {
        return DefaultPacks.NAMES.stream().flatMap(pack -> DefaultPacks.named(pack).rules().stream()
                .map(rule -> Arguments.of(pack, rule.id())));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("everyDefaultRule")
    void theRuleFiresOnItsSequenceAndNotOnItsNearMiss(String pack, String ruleId) {
        RuleSetDefinition rules = DefaultPacks.named(pack);
        assertThat(PackScenarios.has(ruleId)).as("a recorded sequence and a near miss for %s", ruleId).isTrue();
        PackScenarios.Case scenarios = PackScenarios.of(ruleId);

        List<Finding> fired = firing(scenarios.fires().run(rules), ruleId);
        List<Finding> nearMiss = firing(scenarios.nearMiss().run(rules), ruleId);

        assertThat(fired).as("%s on its sequence", ruleId).hasSize(1);
        Finding finding = fired.get(0);
        Rule rule = rules.rule(ruleId).orElseThrow();
        assertThat(finding.title()).startsWith(rule.header().title());
        assertThat(finding.labels()).containsEntry("rule", ruleId).containsEntry("chain", Scenario.CHAIN);
        assertThat(finding.fingerprint()).isEqualTo(Fingerprints.of(ruleId, Scenario.PROJECT, finding.labels()));
        assertThat(finding.recommendedActions()).isEqualTo(rule.header().recommendedActions());
        assertThat(finding.summary()).isNotBlank();
        assertThat(nearMiss).as("%s on its near miss", ruleId).isEmpty();
    }

    static List<Finding> firing(List<Finding> findings, String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId) && f.status() == Finding.Status.FIRING)
                .toList();
    }
}
