package io.chainmonitor.health.evaluation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.support.kafka.EventPublisher;

/** Publishes findings on {@code cm.findings.v1} and waits until the broker has them all. */
class FindingSender {

    private final EventPublisher publisher;
    private final Duration timeout;

    FindingSender(EventPublisher publisher, Duration timeout) {
        this.publisher = publisher;
        this.timeout = timeout;
    }

    /** Returns once every finding is acknowledged; throws {@link EvaluationException.Unavailable} otherwise. */
    void send(List<Envelope<Finding>> findings) {
        CompletableFuture<?>[] sent = findings.stream().map(publisher::publish).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sent).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw EvaluationException.unavailable(EvaluationException.Reason.PUBLISH_FAILED,
                    findings.size() + " findings were not acknowledged by the broker", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw EvaluationException.unavailable(EvaluationException.Reason.PUBLISH_FAILED,
                    "interrupted while publishing findings", e);
        }
    }
}
