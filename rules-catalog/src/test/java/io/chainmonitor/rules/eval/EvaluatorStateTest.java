package io.chainmonitor.rules.eval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.finding.Finding.Status;
import io.chainmonitor.rules.model.RuleSetDefinition;
import io.chainmonitor.rules.pack.DefaultPacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The evaluator's state: deterministic, bounded, and resumable from a snapshot without alerting again. */
class EvaluatorStateTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An attack and its aftermath: the 51% signature fires, then everything calms down and resolves. */
    private static Scenario attackAndCalm() {
        return PackScenarios.hashrateSurgeHeld().reorg(6).blocks(1, "chain.tx.large_count", 1)
                .then(PackScenarios.nodeSamples("node.rpc.latency", 1.5, 12))
                .then(PackScenarios.values("chain.propagation.delay", 3, 3, 3, 3, 3, 0.1, 0.1, 0.1, 0.1, 0.1))
                .blocks(30, "chain.hashrate", 160e9).then(PackScenarios.nodeSamples("node.rpc.latency", 0.1, 12));
    }

    @Test
    void theSameEventsGiveTheSameFindings() {
        RuleSetDefinition pow = DefaultPacks.named("pow");

        List<Finding> first = attackAndCalm().run(pow);
        List<Finding> second = attackAndCalm().run(pow);

        assertThat(first).isNotEmpty().isEqualTo(second);
        assertThat(first).extracting(Finding::status).contains(Status.FIRING, Status.RESOLVED);
    }

    @Test
    void anEvaluatorResumedFromASerializedSnapshotCarriesOnWithoutAlertingAgain() {
        RuleSetDefinition pow = DefaultPacks.named("pow");
        Scenario whole = attackAndCalm();
        List<Finding> uninterrupted = whole.run(pow);
        int cut = whole.size() / 2;
        List<Scenario> halves = whole.splitAt(cut);

        ProjectEvaluator before = ProjectEvaluator.create(Scenario.PROJECT, Scenario.CHAIN, pow);
        List<Finding> found = new ArrayList<>(halves.get(0).replay(before));
        assertThat(before.firing()).contains("pow.attack.51-percent");
        String saved = JSON.writeValueAsString(before.snapshot());
        EvaluatorSnapshot read = JSON.readValue(saved, EvaluatorSnapshot.class);
        ProjectEvaluator after = ProjectEvaluator.restore(Scenario.PROJECT, Scenario.CHAIN, pow, read);

        assertThat(after.firing()).isEqualTo(before.firing());
        assertThat(JSON.writeValueAsString(after.snapshot())).isEqualTo(saved);
        List<Finding> resumed = halves.get(1).replay(after);
        found.addAll(resumed);
        assertThat(resumed).filteredOn(f -> f.status() == Status.FIRING).extracting(Finding::ruleId)
                .doesNotContain("pow.attack.51-percent", "pow.hashrate-surge", "pow.deep-reorg");
        assertThat(found).isEqualTo(uninterrupted);
    }

    @Test
    void aRuleChangedSinceTheSnapshotStartsAfreshWhileTheOthersCarryOn() {
        RuleSetDefinition pow = DefaultPacks.named("pow");
        ProjectEvaluator before = ProjectEvaluator.create(Scenario.PROJECT, Scenario.CHAIN, pow);
        PackScenarios.values("chain.miner.share", 0.7).then(PackScenarios.values("chain.miner.consecutive", 7))
                .replay(before);
        assertThat(before.firing()).contains("pow.miner-dominance@r-1", "pow.miner-streak@r-1");
        RuleSetDefinition changed = pow.with(Rules.of(Rules.rule("pow.miner-streak", "threshold", """
                metric: chain.miner.consecutive
                above: 8
                """)).rules().get(0));

        ProjectEvaluator after = ProjectEvaluator.restore(Scenario.PROJECT, Scenario.CHAIN, changed,
                before.snapshot());

        assertThat(after.firing()).contains("pow.miner-dominance@r-1").doesNotContain("pow.miner-streak@r-1");
    }

    @Test
    void aSnapshotOfAnotherProjectIsRefused() {
        RuleSetDefinition pow = DefaultPacks.named("pow");
        EvaluatorSnapshot snapshot = ProjectEvaluator.create("other", Scenario.CHAIN, pow).snapshot();

        assertThatThrownBy(() -> ProjectEvaluator.restore(Scenario.PROJECT, Scenario.CHAIN, pow, snapshot))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("project other");
    }

    @Test
    void stateStaysBoundedWhateverArrives() {
        RuleSetDefinition rules = Rules.of(Rules.rule("t.avg", "threshold", """
                metric: node.peers
                below: 1
                over: 1d
                """));
        ProjectEvaluator evaluator = ProjectEvaluator.create(Scenario.PROJECT, Scenario.CHAIN, rules);
        Scenario flood = Scenario.start();
        for (int replica = 0; replica < RuleRuntime.MAX_GROUPS + 50; replica++) {
            flood.on("r-" + replica).samples(1, Duration.ofSeconds(1), "node.peers", 5);
        }
        flood.on("r-0").samples(3 * ThresholdRuntime.MAX_TIME_SAMPLES, Duration.ofSeconds(1), "node.peers", 5);
        flood.replay(evaluator);

        EvaluatorSnapshot.RuleState state = evaluator.snapshot().rules().get(0);
        assertThat(state.groups()).hasSize(RuleRuntime.MAX_GROUPS);
        assertThat(state.groups()).allSatisfy(group -> assertThat(group.values().length)
                .isLessThanOrEqualTo(ThresholdRuntime.MAX_TIME_SAMPLES));
    }

    @Test
    void aTimeWindowForgetsSamplesOlderThanItself() {
        RuleSetDefinition rules = Rules.of(Rules.rule("t.latency", "threshold", """
                metric: node.rpc.latency
                above: 1
                over: 1m
                """));

        List<Finding> findings = Scenario.start().samples(1, Duration.ofSeconds(10), "node.rpc.latency", 50)
                .samples(1, Duration.ofMinutes(2), "node.rpc.latency", 0.2).run(rules);

        assertThat(findings).extracting(Finding::status).containsExactly(Status.FIRING, Status.RESOLVED);
        assertThat(findings.get(1).evidence().value()).isEqualTo(0.2);
    }
}
