package io.chainmonitor.action.execution;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StepSequenceTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final StepSequence sequence = new StepSequence(executor);
    private final AtomicInteger ran = new AtomicInteger();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private Step ok(String name) {
        return new Step(name, Duration.ofSeconds(5), Step.OnFailure.STOP, () -> {
            ran.incrementAndGet();
            return name + " done";
        });
    }

    private static Step failing(String name, Step.OnFailure onFailure) {
        return new Step(name, Duration.ofSeconds(5), onFailure, () -> {
            throw new IllegalStateException(name + " broke");
        });
    }

    @Test
    void stepsRunInOrderAndReportTheirResults() {
        List<StepResult> results = sequence.run(List.of(ok("a"), ok("b")));

        assertThat(results).containsExactly(new StepResult("a", StepResult.Outcome.SUCCEEDED, "a done"),
                new StepResult("b", StepResult.Outcome.SUCCEEDED, "b done"));
    }

    @Test
    void aFailedStopStepSkipsTheStepsAfterIt() {
        List<StepResult> results = sequence.run(List.of(failing("a", Step.OnFailure.STOP), ok("b")));

        assertThat(results).extracting(StepResult::outcome).containsExactly(StepResult.Outcome.FAILED,
                StepResult.Outcome.SKIPPED);
        assertThat(results.getFirst().detail()).isEqualTo("a broke");
        assertThat(ran).hasValue(0);
    }

    @Test
    void aFailedContinueStepLetsTheNextStepRun() {
        List<StepResult> results = sequence.run(List.of(failing("a", Step.OnFailure.CONTINUE), ok("b")));

        assertThat(results).extracting(StepResult::outcome).containsExactly(StepResult.Outcome.FAILED,
                StepResult.Outcome.SUCCEEDED);
        assertThat(ran).hasValue(1);
    }

    @Test
    void aStepThatOutlivesItsTimeoutIsInterruptedAndCountsAsAFailure() {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Step hanging = new Step("hang", Duration.ofMillis(200), Step.OnFailure.STOP, () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return "unreachable";
        });

        List<StepResult> results = sequence.run(List.of(hanging, ok("b")));

        assertThat(results).extracting(StepResult::outcome).containsExactly(StepResult.Outcome.TIMED_OUT,
                StepResult.Outcome.SKIPPED);
        await().until(() -> interrupted.getCount() == 0);
    }
}
