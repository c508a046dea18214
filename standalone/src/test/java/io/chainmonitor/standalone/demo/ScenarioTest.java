package io.chainmonitor.standalone.demo;

import java.time.Duration;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import io.chainmonitor.standalone.StandaloneProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioTest {

    private static StandaloneProperties.Demo demo(int every, int probeAt, int forkAt, int depth, int hold) {
        return new StandaloneProperties.Demo(true, null, "demo", "demo", "local", 2, Duration.ofSeconds(5), every,
                probeAt, forkAt, depth, hold);
    }

    @Test
    void theProbeTheForkAndItsHealingComeOncePerCycleAtTheirBlocks() {
        Scenario scenario = new Scenario(demo(20, 3, 6, 3, 4));

        assertThat(LongStream.rangeClosed(1, 40).mapToObj(scenario::at).filter(step -> step != Scenario.Step.NONE))
                .containsExactly(Scenario.Step.PROBE, Scenario.Step.FORK, Scenario.Step.HEAL, Scenario.Step.PROBE,
                        Scenario.Step.FORK, Scenario.Step.HEAL);
        assertThat(scenario.at(3)).isEqualTo(Scenario.Step.PROBE);
        assertThat(scenario.at(26)).isEqualTo(Scenario.Step.FORK);
        assertThat(scenario.at(30)).isEqualTo(Scenario.Step.HEAL);
    }

    @Test
    void aForkDeeperThanTheBlocksBeforeItOrStepsOnTheSameBlockAreRefused() {
        assertThatThrownBy(() -> demo(60, 3, 2, 3, 4)).hasMessageContaining("fork-depth must not exceed fork-at");
        assertThatThrownBy(() -> demo(60, 6, 6, 3, 4)).hasMessageContaining("must be distinct blocks");
        assertThatThrownBy(() -> demo(8, 3, 6, 3, 4)).hasMessageContaining("within scenario-every");
    }
}
