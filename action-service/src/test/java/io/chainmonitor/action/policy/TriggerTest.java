package io.chainmonitor.action.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.chainmonitor.events.ChainRef;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TriggerTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static Finding finding(Finding.Status status, String ruleId, String attack, Map<String, String> labels) {
        return new Finding("fp-1", ruleId, attack, status, "Deep reorg", "A reorg of 7 blocks",
                new ChainRef("litecoin", 100L, null), "replica-1", null, labels, List.of(), START,
                status == Finding.Status.RESOLVED ? START.plusSeconds(60) : null);
    }

    private static final Finding REORG = finding(Finding.Status.FIRING, "reorg-depth", "double-spend",
            Map.of("network", "mainnet", "team", "ops"));

    @Test
    void aFindingAtOrAboveTheTierMatchesAndOneBelowDoesNot() {
        Trigger high = new Trigger(Severity.HIGH, null, null, null);

        assertThat(high.matches(Severity.EXTREME, REORG)).isTrue();
        assertThat(high.matches(Severity.HIGH, REORG)).isTrue();
        assertThat(high.matches(Severity.MEDIUM, REORG)).isFalse();
    }

    @Test
    void aResolvedFindingNeverTriggers() {
        Finding resolved = finding(Finding.Status.RESOLVED, "reorg-depth", "double-spend", Map.of());

        assertThat(new Trigger(Severity.LOW, null, null, null).matches(Severity.EXTREME, resolved)).isFalse();
    }

    @Test
    void ruleIdsAttacksAndLabelsMustAllMatchWhenGiven() {
        assertThat(new Trigger(Severity.LOW, Set.of("reorg-depth"), Set.of("double-spend"),
                Map.of("network", "mainnet")).matches(Severity.HIGH, REORG)).isTrue();
        assertThat(new Trigger(Severity.LOW, Set.of("hashrate-drop"), null, null).matches(Severity.HIGH, REORG))
                .isFalse();
        assertThat(new Trigger(Severity.LOW, null, Set.of("selfish-mining"), null).matches(Severity.HIGH, REORG))
                .isFalse();
        assertThat(new Trigger(Severity.LOW, null, null, Map.of("network", "testnet")).matches(Severity.HIGH, REORG))
                .isFalse();
    }

    @Test
    void anAttackFilterDoesNotMatchAFindingWithoutAnAttack() {
        Finding noAttack = finding(Finding.Status.FIRING, "reorg-depth", null, Map.of());

        assertThat(new Trigger(Severity.LOW, null, Set.of("double-spend"), null).matches(Severity.HIGH, noAttack))
                .isFalse();
    }

    @Test
    void aTriggerNeedsATier() {
        assertThatThrownBy(() -> new Trigger(null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
