package io.chainmonitor.action.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chainmonitor.events.ChainRef;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;

import static org.assertj.core.api.Assertions.assertThat;

class TriggerMatcherTest {

    private static final Finding REORG = new Finding("fp-1", "reorg-depth", "selfish-mining", Finding.Status.FIRING,
            "Reorg", "A reorg of 6 blocks", new ChainRef("litecoin", 1212L, "00ab"), "r-2", null,
            Map.of("chain", "litecoin", "source", "203.0.113.7:9333"), List.of(), Instant.parse("2026-11-22T03:00:00Z"),
            null);

    @Test
    void anEmptyTriggerMatchesEveryFinding() {
        assertThat(TriggerMatcher.matches(new ActionPolicy.Trigger(null, List.of(), List.of(), Map.of()), REORG,
                Severity.LOW)).isTrue();
    }

    @Test
    void aFindingBelowTheMinimumTierDoesNotMatchButOneAtOrAboveDoes() {
        ActionPolicy.Trigger high = new ActionPolicy.Trigger("high", List.of(), List.of(), Map.of());
        assertThat(TriggerMatcher.matches(high, REORG, Severity.MEDIUM)).isFalse();
        assertThat(TriggerMatcher.matches(high, REORG, Severity.HIGH)).isTrue();
        assertThat(TriggerMatcher.matches(high, REORG, Severity.EXTREME)).isTrue();
    }

    @Test
    void ruleIdsAttacksAndLabelsMustAllHold() {
        assertThat(TriggerMatcher.matches(
                new ActionPolicy.Trigger(null, List.of("reorg-depth"), List.of("selfish-mining"),
                        Map.of("chain", "litecoin")),
                REORG, Severity.HIGH)).isTrue();
        assertThat(TriggerMatcher.matches(new ActionPolicy.Trigger(null, List.of("peer-churn"), List.of(), Map.of()),
                REORG, Severity.HIGH)).isFalse();
        assertThat(TriggerMatcher.matches(new ActionPolicy.Trigger(null, List.of(), List.of("eclipse"), Map.of()),
                REORG, Severity.HIGH)).isFalse();
        assertThat(TriggerMatcher.matches(new ActionPolicy.Trigger(null, List.of(), List.of(), Map.of("chain", "btc")),
                REORG, Severity.HIGH)).isFalse();
    }
}
