package io.chainmonitor.rules.eval;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.finding.Finding.Status;
import io.chainmonitor.rules.model.RuleSetDefinition;
import io.chainmonitor.rules.pack.DefaultPacks;

import static org.assertj.core.api.Assertions.assertThat;

/** Composites: all-of, at-least-k-of and in-order, windows that expire, partial matches that are capped. */
class CompositeRulesTest {

    private static final String SIGNALS = """
            - id: s.error
              kind: event
              title: Error
              description: A node error.
              severity: low
              event: node-log
              match:
                level: error
              quiet: 1h
            - id: s.critical
              kind: event
              title: Critical call
              description: A critical method was called.
              severity: low
              event: wire-incident
              match:
                critical: "true"
              quiet: 1h
            """;

    private static RuleSetDefinition composite(String mode, String extra) {
        return Rules.of(SIGNALS + Rules.rule("c.attack", "composite", """
                mode: %s
                within: 5m
                signals:
                  - rule: s.error
                  - rule: s.critical
                  - event: replica-offline
                """.formatted(mode) + extra));
    }

    private static List<Finding> of(List<Finding> findings, String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    @Test
    void allOfFiresWhenEverySignalHappensWithinTheWindowAndNotWhenOneIsTooOld() {
        RuleSetDefinition rules = composite("all", "");
        Scenario inTime = Scenario.start().log("error", "boom").wire(true, "critical-method")
                .replica(io.chainmonitor.events.project.ReplicaLifecycle.State.FAILED);
        Scenario tooLate = Scenario.start().replica(io.chainmonitor.events.project.ReplicaLifecycle.State.FAILED)
                .samples(1, java.time.Duration.ofMinutes(6), "node.peers", 5).log("error", "boom")
                .wire(true, "critical-method");

        assertThat(of(inTime.run(rules), "c.attack")).singleElement().satisfies(finding -> {
            assertThat(finding.status()).isEqualTo(Status.FIRING);
            assertThat(finding.evidence().window()).isEqualTo("5m");
            assertThat(finding.evidence().signals()).containsExactly("s.error: Error: boom on replica r-1.",
                    "s.critical: 198.51.100.7 called a method on r-1.",
                    "replica-offline: replica r-1 is failed: test");
            assertThat(finding.summary()).startsWith("C.attack: all 3 signals within 5m: s.error, s.critical, "
                    + "replica-offline.");
        });
        assertThat(of(tooLate.run(rules), "c.attack")).isEmpty();
    }

    @Test
    void atLeastKOfFiresOnKSignals() {
        RuleSetDefinition rules = composite("at-least", "atLeast: 2\n");

        assertThat(of(Scenario.start().log("error", "boom").run(rules), "c.attack")).isEmpty();
        assertThat(of(Scenario.start().log("error", "boom").wire(true, "critical-method").run(rules), "c.attack"))
                .singleElement().satisfies(f -> assertThat(f.summary()).contains("2 of 3 signals (at least 2)"));
    }

    @Test
    void inOrderFiresOnlyWhenTheSignalsComeInTheirOrder() {
        RuleSetDefinition rules = composite("in-order", "");
        var failed = io.chainmonitor.events.project.ReplicaLifecycle.State.FAILED;

        assertThat(of(Scenario.start().log("error", "boom").wire(true, "x").replica(failed).run(rules), "c.attack"))
                .hasSize(1);
        assertThat(of(Scenario.start().wire(true, "x").log("error", "boom").replica(failed).run(rules),
                "c.attack")).isEmpty();
    }

    @Test
    void aCompositeResolvesOnceItsSignalsLeaveTheWindow() {
        RuleSetDefinition rules = Rules.of(Rules.rule("c.events", "composite", """
                mode: all
                within: 5m
                signals:
                  - event: node-log
                  - event: wire-incident
                """));

        List<Finding> findings = Scenario.start().log("error", "boom").wire(false, "unknown-method")
                .samples(1, java.time.Duration.ofMinutes(4), "node.peers", 5)
                .samples(1, java.time.Duration.ofMinutes(2), "node.peers", 5).run(rules);

        assertThat(findings).extracting(Finding::status).containsExactly(Status.FIRING, Status.RESOLVED);
        assertThat(findings.get(1).summary()).isEqualTo("C.events no longer matches: its signals left the 5m window.");
    }

    @Test
    void partialInOrderMatchesAreCappedAndTheNewestStillCompletes() {
        RuleSetDefinition rules = Rules.of(Rules.rule("c.order", "composite", """
                mode: in-order
                within: 1h
                signals:
                  - event: node-log
                  - event: wire-incident
                """));
        Scenario many = Scenario.start();
        for (int i = 0; i < 50; i++) {
            many.log("error", "boom " + i);
        }
        ProjectEvaluator evaluator = ProjectEvaluator.create(Scenario.PROJECT, Scenario.CHAIN, rules);
        many.replay(evaluator);

        int[] counts = evaluator.snapshot().rules().get(0).groups().get(0).counts();
        assertThat(counts.length - 2).isEqualTo(CompositeRuntime.MAX_PARTIALS);
        assertThat(Scenario.start().wire(false, "unknown-method").replay(evaluator)).singleElement()
                .satisfies(f -> assertThat(f.ruleId()).isEqualTo("c.order"));
    }

    @Test
    void aCompositeMayListenToAnotherComposite() {
        RuleSetDefinition rules = Rules.of(SIGNALS + Rules.rule("c.inner", "composite", """
                mode: all
                within: 5m
                signals:
                  - rule: s.error
                  - rule: s.critical
                """) + Rules.rule("c.outer", "composite", """
                mode: all
                within: 5m
                signals:
                  - rule: c.inner
                  - event: replica-offline
                """));

        List<Finding> findings = Scenario.start().log("error", "boom").wire(true, "critical-method")
                .replica(io.chainmonitor.events.project.ReplicaLifecycle.State.STOPPED).run(rules);

        assertThat(findings).extracting(Finding::ruleId).containsExactly("s.error", "s.critical", "c.inner",
                "c.outer");
    }

    @Test
    void theFiftyOnePercentSignatureIsExtremeAndCarriesItsThreePiecesOfEvidence() {
        RuleSetDefinition pow = DefaultPacks.named("pow");
        assertThat(pow.rule("pow.attack.51-percent").orElseThrow().header().severity()).isEqualTo(Severity.EXTREME);

        List<Finding> findings = of(PackScenarios.hashrateSurgeHeld().reorg(6).blocks(1, "chain.tx.large_count", 1)
                .run(pow), "pow.attack.51-percent");

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.attack()).isEqualTo("51-percent");
            assertThat(finding.replicaId()).isNull();
            assertThat(finding.recommendedActions()).containsExactly("inform-exchanges", "raise-confirmations",
                    "isolate-replica");
            assertThat(finding.evidence().signals()).hasSize(3);
            assertThat(finding.evidence().signals().get(0)).startsWith("pow.deep-reorg: chain.reorg.depth was 6");
            assertThat(finding.evidence().signals().get(1)).startsWith("pow.hashrate-surge: chain.hashrate on "
                    + "replica r-1 rose");
            assertThat(finding.evidence().signals().get(2)).startsWith("pow.large-transaction:");
            assertThat(finding.evidence().metric()).isEqualTo("chain.reorg.depth");
            assertThat(finding.evidence().value()).isEqualTo(6.0);
            assertThat(finding.summary()).startsWith("51-percent attack signature: 3 of 4 signals (at least 3) "
                    + "within 20 blocks: pow.deep-reorg, pow.hashrate-surge, pow.large-transaction.");
        });
    }
}
