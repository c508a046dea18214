package io.chainmonitor.standalone.demo;

import io.chainmonitor.standalone.StandaloneProperties;

/** What the demo stages at each block of its repeating cycle: a wire probe, a fork, the fork's end, or nothing. */
final class Scenario {

    /** A staged event. */
    enum Step {
        NONE, PROBE, FORK, HEAL
    }

    private final int cycle;
    private final int probeAt;
    private final int forkAt;
    private final int healAt;

    Scenario(StandaloneProperties.Demo settings) {
        this.cycle = settings.scenarioEvery();
        this.probeAt = settings.probeAt();
        this.forkAt = settings.forkAt();
        this.healAt = settings.forkAt() + settings.forkHold();
    }

    /** The step at the demo's {@code block}-th block (from 1). */
    Step at(long block) {
        long position = (block - 1) % cycle + 1;
        if (position == probeAt) {
            return Step.PROBE;
        }
        if (position == forkAt) {
            return Step.FORK;
        }
        if (position == healAt) {
            return Step.HEAL;
        }
        return Step.NONE;
    }
}
