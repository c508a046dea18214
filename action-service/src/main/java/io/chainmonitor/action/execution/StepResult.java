package io.chainmonitor.action.execution;

/** How one step ended, with its result or error text. */
public record StepResult(String step, Outcome outcome, String detail) {

    /** The end of a step. */
    public enum Outcome {
        SUCCEEDED, FAILED, TIMED_OUT, SKIPPED
    }
}
