package io.chainmonitor.health.evaluation;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.finding.Finding;

/** The evaluation's meters; their labels come from small fixed sets (event types, severities, reasons). */
final class EvaluationMetrics {

    private final MeterRegistry registry;
    private final Timer lag;
    private final Timer checkpoints;
    private final Map<String, Counter> events = new ConcurrentHashMap<>();

    EvaluationMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.lag = Timer.builder("cm.health.evaluation.lag")
                .description("Time from an input record's Kafka timestamp to its evaluation")
                .publishPercentileHistogram()
                .register(registry);
        this.checkpoints = Timer.builder("cm.health.evaluation.checkpoints")
                .description("Checkpoints of the evaluation state and offsets")
                .register(registry);
    }

    void evaluated(String eventType, Duration sinceRecorded) {
        // Once per input event: the counter is looked up in a small map rather than built and registered each time.
        events.computeIfAbsent(eventType, type -> Counter.builder("cm.health.evaluation.events")
                .description("Input events consumed by the evaluation, by event type (skipped ones are counted apart)")
                .tag("type", type)
                .register(registry))
                .increment();
        lag.record(sinceRecorded.isNegative() ? Duration.ZERO : sinceRecorded);
    }

    void emitted(Envelope<Finding> finding) {
        Counter.builder("cm.health.evaluation.findings")
                .description("Findings published, by severity and status")
                .tag("severity", finding.severity().wireName())
                .tag("status", finding.data().status().name().toLowerCase(java.util.Locale.ROOT))
                .register(registry)
                .increment();
    }

    /** An input event that was not evaluated: unknown_project, duplicate, stale_rule_set. */
    void skipped(String reason) {
        Counter.builder("cm.health.evaluation.skipped")
                .description("Input events not evaluated, by reason")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    /** Findings made again while replaying events whose findings had gone out before. */
    void suppressed(int count) {
        Counter.builder("cm.health.evaluation.replayed.findings")
                .description("Findings of replayed events that were published before and not sent again")
                .register(registry)
                .increment(count);
    }

    void rejected(String reason) {
        Counter.builder("cm.health.evaluation.rejected")
                .description("Rule sets and project events the evaluation refused, by reason")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    Timer checkpoints() {
        return checkpoints;
    }
}
