package io.chainmonitor.health.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;

import static io.chainmonitor.health.evaluation.EvaluationFixtures.freshState;
import static io.chainmonitor.health.evaluation.EvaluationFixtures.metric;
import static io.chainmonitor.health.evaluation.EvaluationFixtures.powWith;
import static org.assertj.core.api.Assertions.assertThat;

class ProjectStateTest {

    private static final Instant AT = Instant.parse("2026-11-22T04:00:00Z");

    @Test
    void findingsCarryTheSeverityOfTheirRuleAndAnIdDerivedFromTheirCause() {
        ProjectState state = freshState(16);
        Envelope<?> event = metric("r-1", 1, "chain.miner.consecutive", 7);

        List<Envelope<Finding>> findings = state.evaluate(event);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.data().ruleId()).isEqualTo("pow.miner-streak");
            assertThat(f.subject()).isEqualTo("projects/" + EvaluationFixtures.PROJECT + "/replicas/r-1");
            assertThat(f.id()).isEqualTo(FindingIds.of(event.uuid(), f.data()).toString());
            assertThat(UUID.fromString(f.id()).version()).isEqualTo(7);
        });
        assertThat(state.openFindings()).hasSize(1);
    }

    @Test
    void aRuleSetSwapKeepsTheWindowsOfUnchangedRules() {
        ProjectState state = freshState(16);
        for (long height = 1; height <= 3; height++) {
            assertThat(state.evaluate(metric("r-1", height, "chain.propagation.delay", 3))).isEmpty();
        }

        assertThat(state.replaceRules(powWith(1, "pow.miner-dominance", r -> r.put("above", 0.9)),
                UUID.randomUUID(), AT)).isEmpty();
        assertThat(state.evaluate(metric("r-1", 4, "chain.propagation.delay", 3))).isEmpty();

        assertThat(state.evaluate(metric("r-1", 5, "chain.propagation.delay", 3)))
                .extracting(f -> f.data().ruleId()).containsExactly("pow.block-propagation-slow");
        assertThat(state.rules().version()).isEqualTo(1);
    }

    @Test
    void aFiringRuleTurnedOffIsResolvedAndFiresNoMore() {
        ProjectState state = freshState(16);
        Envelope<Finding> firing = state.evaluate(metric("r-1", 1, "chain.miner.consecutive", 7)).getFirst();

        List<Envelope<Finding>> resolved = state.replaceRules(
                powWith(3, "pow.miner-streak", r -> r.put("enabled", false)), UUID.randomUUID(), AT);

        assertThat(resolved).singleElement().satisfies(f -> {
            assertThat(f.data().status()).isEqualTo(Finding.Status.RESOLVED);
            assertThat(f.data().fingerprint()).isEqualTo(firing.data().fingerprint());
            assertThat(f.data().endsAt()).isEqualTo(AT);
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.data().summary()).isEqualTo("Long streak of one miner on r-1 is no longer evaluated: rule set"
                    + " version 3 turned the rule off. It fired because: chain.miner.consecutive on replica r-1 is 7,"
                    + " above the threshold 5.");
        });
        assertThat(state.evaluate(metric("r-1", 2, "chain.miner.consecutive", 9))).isEmpty();
        assertThat(state.openFindings()).isEmpty();
    }

    @Test
    void aFiringRuleWhoseDefinitionChangedIsResolvedAndStartsAfresh() {
        ProjectState state = freshState(16);
        state.evaluate(metric("r-1", 1, "chain.miner.consecutive", 7));

        List<Envelope<Finding>> resolved = state.replaceRules(
                powWith(1, "pow.miner-streak", r -> r.put("above", 6)), UUID.randomUUID(), AT);

        assertThat(resolved).extracting(f -> f.data().status()).containsExactly(Finding.Status.RESOLVED);
        // Fresh under its new definition: 8 is above 6, so it fires again.
        assertThat(state.evaluate(metric("r-1", 2, "chain.miner.consecutive", 8)))
                .extracting(f -> f.data().status()).containsExactly(Finding.Status.FIRING);
    }

    @Test
    void aFiringRuleThatIsUnchangedStaysFiringWithoutAnyNewFinding() {
        ProjectState state = freshState(16);
        state.evaluate(metric("r-1", 1, "chain.miner.consecutive", 7));

        assertThat(state.replaceRules(powWith(1, "pow.peers-low", r -> r.put("below", 3)), UUID.randomUUID(), AT))
                .isEmpty();
        assertThat(state.evaluate(metric("r-1", 2, "chain.miner.consecutive", 8))).isEmpty();
        assertThat(state.evaluate(metric("r-1", 3, "chain.miner.consecutive", 2)))
                .extracting(f -> f.data().status()).containsExactly(Finding.Status.RESOLVED);
    }

    @Test
    void goingBackToTheDefaultPackResolvesWhatTheProjectsOwnRulesFired() {
        ProjectState state = freshState(16);
        state.replaceRules(powWith(1, "pow.miner-streak", r -> r.put("above", 1)), UUID.randomUUID(), AT);
        state.evaluate(metric("r-1", 1, "chain.miner.consecutive", 3));

        List<Envelope<Finding>> resolved = state.replaceRules(EvaluationFixtures.PACKS.defaultPack("pow"),
                UUID.randomUUID(), AT);

        assertThat(resolved).singleElement()
                .satisfies(f -> assertThat(f.data().summary())
                        .contains("the default pow pack, which the project went back to, changed the rule"));
        assertThat(state.rules().isDefaultPack()).isTrue();
    }

    @Test
    void deletingTheProjectResolvesEveryFiringFinding() {
        ProjectState state = freshState(16);
        state.evaluate(metric("r-1", 1, "chain.miner.consecutive", 7));
        state.evaluate(metric("r-2", 1, "chain.miner.share", 0.9));

        List<Envelope<Finding>> resolved = state.close(UUID.randomUUID(), AT);

        assertThat(resolved).extracting(f -> f.data().ruleId())
                .containsExactlyInAnyOrder("pow.miner-streak", "pow.miner-dominance");
        assertThat(resolved).allSatisfy(f -> assertThat(f.data().summary()).contains("the project was deleted"));
        assertThat(state.openFindings()).isEmpty();
    }

    @Test
    void aRedeliveredEventIsRecognizedWithinTheWindowOfRecentIds() {
        ProjectState state = freshState(2);

        assertThat(state.firstDelivery("a")).isTrue();
        assertThat(state.firstDelivery("a")).isFalse();
        assertThat(state.firstDelivery("b")).isTrue();
        assertThat(state.firstDelivery("c")).isTrue();
        // Only the last two are kept.
        assertThat(state.recentEventIds()).containsExactly("b", "c");
        assertThat(state.firstDelivery("a")).isTrue();
    }

    @Test
    void theSameCauseAndFindingAlwaysGiveTheSameEnvelopeId() {
        ProjectState one = freshState(16);
        ProjectState two = freshState(16);
        Envelope<?> event = metric("r-1", 1, "chain.miner.consecutive", 7);
        List<String> ids = new ArrayList<>();
        ids.add(one.evaluate(event).getFirst().id());
        ids.add(two.evaluate(event).getFirst().id());

        assertThat(ids.get(0)).isEqualTo(ids.get(1));
        assertThat(two.evaluate(metric("r-1", 2, "chain.miner.consecutive", 1)).getFirst().id())
                .isNotEqualTo(ids.get(0));
    }
}
