package io.chainmonitor.action.execution;

/** The work of a step; it returns a short description of the result or throws when it failed. */
@FunctionalInterface
public interface StepAction {

    String run() throws Exception;
}
