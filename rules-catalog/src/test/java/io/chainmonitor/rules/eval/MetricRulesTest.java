package io.chainmonitor.rules.eval;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.finding.Finding.Status;
import io.chainmonitor.rules.model.RuleSetDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/** Threshold, percentage-change and on/off rules: debounce, hysteresis, grouping and the maths of a change. */
class MetricRulesTest {

    private static final RuleSetDefinition DELAY = Rules.of(Rules.rule("t.delay", "threshold", """
            metric: chain.propagation.delay
            above: 2
            resolve: 1
            for: 3
            """));

    @Test
    void aThresholdFiresOnlyAfterForConsecutiveEvaluationsAndADipStartsTheCountAgain() {
        List<Finding> findings = PackScenarios.values("chain.propagation.delay", 5, 5, 1, 5, 5).run(DELAY);
        assertThat(findings).isEmpty();

        findings = PackScenarios.values("chain.propagation.delay", 5, 5, 1, 5, 5, 5, 5).run(DELAY);
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.status()).isEqualTo(Status.FIRING);
            assertThat(finding.startsAt()).isEqualTo(Scenario.START.plus(Scenario.BLOCK_TIME.multipliedBy(6)));
            assertThat(finding.chain().height()).isEqualTo(1_006L);
        });
    }

    @Test
    void aFiringThresholdResolvesOnlyPastItsResolveValueWithTheSameFingerprint() {
        List<Finding> findings = PackScenarios.values("chain.propagation.delay", 3, 3, 3, 1.5, 1.2, 0.9, 0.5)
                .run(DELAY);

        assertThat(findings).extracting(Finding::status).containsExactly(Status.FIRING, Status.RESOLVED);
        Finding firing = findings.get(0);
        Finding resolved = findings.get(1);
        assertThat(resolved.fingerprint()).isEqualTo(firing.fingerprint());
        assertThat(resolved.startsAt()).isEqualTo(firing.startsAt());
        assertThat(resolved.endsAt()).isEqualTo(Scenario.START.plus(Scenario.BLOCK_TIME.multipliedBy(6)));
        assertThat(firing.summary()).isEqualTo("chain.propagation.delay on replica r-1 is 3, above the threshold 2 "
                + "for 3 evaluations in a row.");
        assertThat(resolved.summary()).isEqualTo("chain.propagation.delay on replica r-1 is back to 0.9, no longer "
                + "above 1.");
        assertThat(firing.evidence()).isEqualTo(new Finding.Evidence("chain.propagation.delay", 3.0, 2.0, null,
                null));
    }

    @Test
    void eachReplicaHasItsOwnFindingUnlessTheRuleGroupsByProject() {
        Scenario twoReplicas = PackScenarios.valuesOn("r-1", "chain.miner.share", 0.7)
                .then(PackScenarios.valuesOn("r-2", "chain.miner.share", 0.8));
        String body = """
                metric: chain.miner.share
                above: 0.5
                """;

        List<Finding> perReplica = twoReplicas.run(Rules.of(Rules.rule("t.share", "threshold", body)));
        List<Finding> perProject = twoReplicas.run(Rules.of(Rules.rule("t.share", "threshold", body
                + "groupBy: project\n")));

        assertThat(perReplica).extracting(Finding::replicaId).containsExactly("r-1", "r-2");
        assertThat(perReplica).extracting(Finding::fingerprint).doesNotHaveDuplicates();
        assertThat(perReplica.get(1).labels()).containsEntry("replica", "r-2");
        assertThat(perProject).singleElement().satisfies(finding -> {
            assertThat(finding.replicaId()).isNull();
            assertThat(finding.labels()).doesNotContainKey("replica");
        });
    }

    @Test
    void anAverageOverBlocksIsJudgedOnlyOnAFullWindowAndLabelsSelectSamples() {
        RuleSetDefinition rules = Rules.of(Rules.rule("t.avg", "threshold", """
                metric: chain.block.size
                above: 100
                over: 3 blocks
                """));

        assertThat(PackScenarios.values("chain.block.size", 500, 500).run(rules)).isEmpty();
        assertThat(PackScenarios.values("chain.block.size", 500, 500, 0).run(rules)).singleElement()
                .satisfies(f -> assertThat(f.evidence().value()).isCloseTo(333.33, org.assertj.core.data.Offset
                        .offset(0.01)));
    }

    @Test
    void aChangeIsTheAverageOfTheLastBlocksAgainstTheBlocksBefore() {
        RuleSetDefinition rules = Rules.of(Rules.rule("t.rise", "change", """
                metric: chain.hashrate
                percent: 50
                over: 4 blocks
                against: 4 blocks
                """));

        List<Finding> exactly = PackScenarios.blockChange("chain.hashrate", 4, 80, 4, 120).run(rules);
        List<Finding> justBelow = PackScenarios.blockChange("chain.hashrate", 4, 80, 4, 119.9).run(rules);

        assertThat(exactly).singleElement().satisfies(finding -> {
            assertThat(finding.evidence().value()).isEqualTo(50.0);
            assertThat(finding.evidence().threshold()).isEqualTo(50.0);
            assertThat(finding.evidence().window()).isEqualTo("4 blocks against 4 blocks");
            assertThat(finding.summary()).isEqualTo("chain.hashrate on replica r-1 rose 50% (average 120 over the "
                    + "last 4 blocks against 80 over the 4 blocks before; threshold +50%).");
        });
        assertThat(justBelow).isEmpty();
    }

    @Test
    void aDropAgainstATimeWindowNeedsTheWholeBaselineAndNeverDividesByZero() {
        RuleSetDefinition rules = Rules.of(Rules.rule("t.drop", "change", """
                metric: node.peers
                percent: -50
                over: 1m
                against: 5m
                """));
        Duration every = Duration.ofSeconds(30);

        List<Finding> covered = Scenario.start().samples(11, every, "node.peers", 10).samples(2, every, "node.peers",
                4).run(rules);
        List<Finding> tooShort = Scenario.start().samples(4, every, "node.peers", 10).samples(2, every, "node.peers",
                4).run(rules);
        List<Finding> fromZero = Scenario.start().samples(11, every, "node.peers", 0).samples(2, every, "node.peers",
                0).run(rules);

        assertThat(covered).singleElement().satisfies(f -> assertThat(f.evidence().value()).isEqualTo(-60.0));
        assertThat(tooShort).isEmpty();
        assertThat(fromZero).isEmpty();
    }

    @Test
    void aChangeResolvesOnceBackWithinItsResolveBound() {
        RuleSetDefinition rules = Rules.of(Rules.rule("t.rise", "change", """
                metric: chain.hashrate
                percent: 50
                resolve: 10
                over: 2 blocks
                against: 2 blocks
                """));

        List<Finding> findings = PackScenarios.values("chain.hashrate", 100, 100, 200, 200, 200, 200).run(rules);

        assertThat(findings).extracting(Finding::status).containsExactly(Status.FIRING, Status.RESOLVED);
        assertThat(findings.get(1).summary()).contains("rose 0%").contains("back within +10%");
    }

    @Test
    void anOnOffRuleFiresOnceAndResolvesAfterItsQuietWindow() {
        RuleSetDefinition rules = Rules.of(Rules.rule("t.reorg", "event", """
                event: reorg
                quiet: 3 blocks
                """));

        List<Finding> findings = Scenario.start().reorg(2).reorg(1).blocks(2, "chain.height", 0)
                .blocks(1, "chain.height", 0).run(rules);

        assertThat(findings).extracting(Finding::status).containsExactly(Status.FIRING, Status.RESOLVED);
        assertThat(findings.get(0).summary()).isEqualTo("A reorg of depth 2 replaced the tip 1000 (fork after block "
                + "998, new tip at 1001) on replica r-1.");
        assertThat(findings.get(1).endsAt()).isEqualTo(Scenario.START.plus(Scenario.BLOCK_TIME.multipliedBy(5)));
    }

    @Test
    void aDisabledRuleNeverFires() {
        RuleSetDefinition rules = Rules.of(Rules.rule("t.off", "threshold", """
                enabled: false
                metric: chain.miner.share
                above: 0.5
                """));

        assertThat(PackScenarios.values("chain.miner.share", 0.9, 0.9).run(rules)).isEmpty();
    }

    @Test
    void aRuleWithLabelsReadsOnlyTheSamplesThatCarryThem() {
        RuleSetDefinition rules = Rules.of(Rules.rule("t.producer", "threshold", """
                metric: chain.miner.share
                labels:
                  producer: miner-b
                above: 0.5
                """));
        ProjectEvaluator evaluator = ProjectEvaluator.create(Scenario.PROJECT, Scenario.CHAIN, rules);
        List<Finding> findings = new java.util.ArrayList<>();

        evaluator.onMetrics(share("miner-a", 0.9, 1), findings::add);
        assertThat(findings).isEmpty();
        evaluator.onMetrics(share("miner-b", 0.6, 2), findings::add);
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.evidence().value()).isEqualTo(0.6));
    }

    private static io.chainmonitor.events.chain.MetricBatch share(String producer, double value, int minute) {
        return new io.chainmonitor.events.chain.MetricBatch("r-1", Scenario.CHAIN, 1_000L + minute, null,
                Scenario.START.plusSeconds(60L * minute), "chain-watcher", List.of(
                        new io.chainmonitor.events.chain.MetricBatch.Sample("chain.miner.share", value, "ratio",
                                java.util.Map.of("producer", producer))));
    }

    @Test
    void theEvaluatorReadsEnvelopesAsTheyArriveFromKafka() {
        ProjectEvaluator evaluator = ProjectEvaluator.create(Scenario.PROJECT, Scenario.CHAIN,
                io.chainmonitor.rules.pack.DefaultPacks.named("pow"));
        List<Finding> findings = new java.util.ArrayList<>();

        boolean read = evaluator.accept(io.chainmonitor.events.fixtures.Fixtures.envelope(
                io.chainmonitor.events.EventType.METRIC_BATCH), findings::add);
        boolean ignored = evaluator.accept(io.chainmonitor.events.fixtures.Fixtures.envelope(
                io.chainmonitor.events.EventType.AUDIT_ENTRY), findings::add);

        assertThat(read).isTrue();
        assertThat(ignored).isFalse();
        assertThat(findings).extracting(Finding::ruleId).containsExactly("pow.deep-reorg", "pow.miner-dominance");
        assertThat(findings.get(0).chain().blockHash()).isEqualTo(
                "365bf63a6659b55404103017ead492d26a015b665e4a329cdbe7df00cba497dd");
        assertThat(findings.get(0).replicaId()).isEqualTo("r-2");
        ProjectEvaluator other = ProjectEvaluator.create("other", Scenario.CHAIN,
                io.chainmonitor.rules.pack.DefaultPacks.named("pow"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> other.accept(io.chainmonitor.events.fixtures.Fixtures
                .envelope(io.chainmonitor.events.EventType.METRIC_BATCH), findings::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("evaluator of project other");
    }
}
