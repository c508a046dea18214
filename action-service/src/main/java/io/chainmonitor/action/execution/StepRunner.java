package io.chainmonitor.action.execution;

import java.util.Map;

import io.chainmonitor.action.policy.StepType;

/**
 * The runner of one action type. Each {@link StepType} has exactly one runner bean; the execution side looks it up by
 * type, so a new action type is a new {@code StepType} constant plus one runner.
 */
public interface StepRunner {

    /** The action type this runner carries out. */
    StepType type();

    /**
     * Checks a step's parameters when a policy is stored, beyond the parameter names {@link StepType} allows (those
     * are checked already); a refused value throws the module's {@code ActionException} naming {@code field}.
     */
    default void validate(StepContext.Target target, String field, Map<String, String> parameters) {
    }

    /**
     * The work of the step for one execution. In a dry run ({@link StepContext#dryRun()}) the returned action sends
     * nothing and describes what it would have done.
     */
    StepAction prepare(StepContext context);
}
