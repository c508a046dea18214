package io.chainmonitor.alerts.inhibit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chainmonitor.events.ChainRef;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;

import static org.assertj.core.api.Assertions.assertThat;

class InhibitorTest {

    private static Finding finding(String fingerprint, String ruleId, String attack, Finding.Status status,
            String metric, List<String> signals) {
        Instant start = Instant.parse("2026-11-22T03:15:00Z");
        return new Finding(fingerprint, ruleId, attack, status, "t", "s", new ChainRef("litecoin", 1L, null), "r-1",
                new Finding.Evidence(metric, 1.0, 0.5, null, signals), Map.of(), List.of(), start,
                status == Finding.Status.RESOLVED ? start : null);
    }

    private final Inhibitor.Candidate attack = new Inhibitor.Candidate(finding("fp-attack", "pow.51-percent",
            "51-percent", Finding.Status.FIRING, "chain.reorg.depth",
            List.of("chain.miner.share=0.857 > 0.5", "pow.orphan-rate", "fp-exact")), Severity.EXTREME);

    @Test
    void aHighFindingNamedBySignalMetricRuleOrFingerprintIsInhibited() {
        assertThat(Inhibitor.inhibited(finding("a", "pow.miner-share", null, Finding.Status.FIRING,
                "chain.miner.share", List.of()), Severity.HIGH, List.of(attack))).isTrue();
        assertThat(Inhibitor.inhibited(finding("b", "pow.orphan-rate", null, Finding.Status.FIRING, "x",
                List.of()), Severity.HIGH, List.of(attack))).isTrue();
        assertThat(Inhibitor.inhibited(finding("fp-exact", "r", null, Finding.Status.FIRING, "y", List.of()),
                Severity.HIGH, List.of(attack))).isTrue();
    }

    @Test
    void unrelatedPrefixOtherSeveritiesAndResolvedAttacksDoNotInhibit() {
        Finding sharesPrefix = finding("c", "r", null, Finding.Status.FIRING, "chain.miner", List.of());
        assertThat(Inhibitor.inhibited(sharesPrefix, Severity.HIGH, List.of(attack))).isFalse();
        Finding medium = finding("d", "r", null, Finding.Status.FIRING, "chain.miner.share", List.of());
        assertThat(Inhibitor.inhibited(medium, Severity.MEDIUM, List.of(attack))).isFalse();
        Inhibitor.Candidate notAnAttack = new Inhibitor.Candidate(finding("e", "r", null, Finding.Status.FIRING,
                "m", List.of("chain.miner.share=1")), Severity.EXTREME);
        assertThat(Inhibitor.inhibited(medium, Severity.HIGH, List.of(notAnAttack))).isFalse();
        Inhibitor.Candidate highAttack = new Inhibitor.Candidate(attack.finding(), Severity.HIGH);
        assertThat(Inhibitor.inhibited(medium, Severity.HIGH, List.of(highAttack))).isFalse();
    }
}
