package io.chainmonitor.rules.model;

import java.util.Objects;

/**
 * Fires when a metric (its last value, or an aggregate over a window) is above or below a value for {@code debounce}
 * consecutive samples, and resolves when it crosses back past {@code resolveValue} (hysteresis: for {@code above}
 * the resolve value is at most the threshold, for {@code below} at least).
 */
public record ThresholdRule(RuleHeader header, MetricSelector select, Comparison op, double value,
        Aggregate aggregate, Window over, int debounce, double resolveValue) implements Rule {

    public ThresholdRule {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(select, "select");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(aggregate, "aggregate");
        if ((aggregate == Aggregate.LAST) != (over == null)) {
            throw new IllegalArgumentException("an aggregate other than last needs a window, and last takes none");
        }
        if (debounce < 1) {
            throw new IllegalArgumentException("for counts evaluations from 1, was " + debounce);
        }
        if (op == Comparison.ABOVE ? resolveValue > value : resolveValue < value) {
            throw new IllegalArgumentException("resolve " + resolveValue + " must not be " + (op == Comparison.ABOVE
                    ? "above"
                    : "below") + " the threshold " + value);
        }
    }

    @Override
    public String kind() {
        return "threshold";
    }

    /** Above or below. */
    public enum Comparison {
        ABOVE, BELOW;

        public boolean holds(double value, double threshold) {
            return this == ABOVE ? value > threshold : value < threshold;
        }
    }

    /** How the samples of the window make one value. */
    public enum Aggregate {
        LAST, AVG, SUM, MIN, MAX
    }
}
