package io.chainmonitor.health.evaluation;

import org.junit.jupiter.api.Test;

import io.chainmonitor.events.EventCodec;
import io.chainmonitor.events.finding.Finding;

import static io.chainmonitor.health.evaluation.EvaluationFixtures.PACKS;
import static io.chainmonitor.health.evaluation.EvaluationFixtures.freshState;
import static io.chainmonitor.health.evaluation.EvaluationFixtures.metric;
import static io.chainmonitor.health.evaluation.EvaluationFixtures.powWith;
import static org.assertj.core.api.Assertions.assertThat;

class ProjectStateCodecTest {

    private final ProjectStateCodec codec = new ProjectStateCodec(new EventCodec(), PACKS, 16);

    @Test
    void aStateWrittenAndReadBackResumesItsWindowsWithoutFiringAgain() {
        ProjectState state = freshState(16);
        state.evaluate(metric("r-1", 1, "chain.miner.consecutive", 7));
        for (long height = 1; height <= 3; height++) {
            state.evaluate(metric("r-2", height, "chain.propagation.delay", 3));
        }
        state.firstDelivery("seen-before");

        StoredProject row = codec.write(state);
        ProjectState resumed = codec.read(row);

        assertThat(row.rulesJson()).isNull();
        assertThat(resumed.openFindings()).extracting(f -> f.data().ruleId()).containsExactly("pow.miner-streak");
        assertThat(resumed.firstDelivery("seen-before")).isFalse();
        assertThat(resumed.evaluate(metric("r-1", 4, "chain.miner.consecutive", 8))).isEmpty();
        assertThat(resumed.evaluate(metric("r-2", 4, "chain.propagation.delay", 3))).isEmpty();
        assertThat(resumed.evaluate(metric("r-2", 5, "chain.propagation.delay", 3)))
                .extracting(f -> f.data().ruleId()).containsExactly("pow.block-propagation-slow");
        assertThat(resumed.evaluate(metric("r-1", 6, "chain.miner.consecutive", 1)))
                .extracting(f -> f.data().status()).containsExactly(Finding.Status.RESOLVED);
    }

    @Test
    void aPublishedRuleSetIsReadBackAsTheRulesInForce() {
        ProjectState state = freshState(16);
        state.replaceRules(powWith(4, "pow.miner-streak", r -> r.put("enabled", false)),
                java.util.UUID.randomUUID(), java.time.Instant.now());

        ProjectState resumed = codec.read(codec.write(state));

        assertThat(resumed.rules().version()).isEqualTo(4);
        assertThat(resumed.rules().definition().rule("pow.miner-streak").orElseThrow().header().enabled())
                .isFalse();
        assertThat(resumed.evaluate(metric("r-1", 1, "chain.miner.consecutive", 9))).isEmpty();
    }

    @Test
    void anUnreadableSnapshotStartsTheWindowsAfreshButKeepsTheProject() {
        StoredProject row = codec.write(freshState(16));
        StoredProject broken = new StoredProject(row.projectId(), row.chainType(), row.rulePack(),
                row.rulesVersion(), row.rulesJson(), "{\"format\": 99}", row.openFindingsJson(),
                row.recentEventsJson());

        ProjectState resumed = codec.read(broken);

        assertThat(resumed.evaluate(metric("r-1", 1, "chain.miner.consecutive", 7))).hasSize(1);
    }
}
