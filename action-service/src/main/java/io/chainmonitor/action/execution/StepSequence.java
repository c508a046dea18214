package io.chainmonitor.action.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a policy's steps in order on a bounded executor, each within its timeout; a failed or timed-out step with
 * {@link Step.OnFailure#STOP} skips the remaining steps, with {@link Step.OnFailure#CONTINUE} the next one runs.
 */
public final class StepSequence {

    private final ExecutorService executor;

    public StepSequence(ExecutorService executor) {
        this.executor = executor;
    }

    /** Runs {@code steps} and returns one result per step, in order. */
    public List<StepResult> run(List<Step> steps) {
        List<StepResult> results = new ArrayList<>(steps.size());
        boolean stopped = false;
        for (Step step : steps) {
            if (stopped) {
                results.add(new StepResult(step.name(), StepResult.Outcome.SKIPPED, "an earlier step failed"));
                continue;
            }
            StepResult result = runOne(step);
            results.add(result);
            stopped = result.outcome() != StepResult.Outcome.SUCCEEDED && step.onFailure() == Step.OnFailure.STOP;
        }
        return results;
    }

    private StepResult runOne(Step step) {
        Future<String> future = executor.submit(step.action()::run);
        try {
            String detail = future.get(step.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return new StepResult(step.name(), StepResult.Outcome.SUCCEEDED, detail);
        } catch (TimeoutException e) {
            // Interrupts the step so that a hung call does not hold a worker of the bounded executor.
            future.cancel(true);
            return new StepResult(step.name(), StepResult.Outcome.TIMED_OUT, "no result within " + step.timeout());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new StepResult(step.name(), StepResult.Outcome.FAILED, String.valueOf(cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return new StepResult(step.name(), StepResult.Outcome.FAILED, "interrupted");
        }
    }
}
