package io.chainmonitor.action.execution;

import java.time.Duration;

/** One step of a policy: what runs, how long it may take, and whether a failure stops the steps after it. */
public record Step(String name, Duration timeout, OnFailure onFailure, StepAction action) {

    public Step {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a step needs a name");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("step " + name + " needs a positive timeout");
        }
        if (onFailure == null || action == null) {
            throw new IllegalArgumentException("step " + name + " needs onFailure and an action");
        }
    }

    /** What a failed step does to the steps after it. */
    public enum OnFailure {
        STOP, CONTINUE
    }
}
