package io.chainmonitor.rules.model;

import java.util.List;
import java.util.Objects;

/**
 * An attack signature: signals (other rules firing, or events) that together, within a window, point to an attack —
 * all of them, at least {@code atLeast} of them, or all of them in the order given.
 */
public record CompositeRule(RuleHeader header, Attack attack, Mode mode, int atLeast, Window within,
        List<Signal> signals) implements Rule {

    /** Most signals a composite may combine; the evaluator keeps a fixed-size state per signal. */
    public static final int MAX_SIGNALS = 16;

    public CompositeRule {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(within, "within");
        signals = List.copyOf(signals);
        if (signals.size() < 2 || signals.size() > MAX_SIGNALS) {
            throw new IllegalArgumentException("a composite combines 2 to " + MAX_SIGNALS + " signals, not "
                    + signals.size());
        }
        if (signals.stream().anyMatch(Signal.MetricSignal.class::isInstance)) {
            throw new IllegalArgumentException("a composite combines rules and events; wrap a metric in a rule");
        }
        if (mode == Mode.AT_LEAST ? atLeast < 1 || atLeast > signals.size() : atLeast != signals.size()) {
            throw new IllegalArgumentException("atLeast must lie in 1.." + signals.size() + " for at-least, and equal "
                    + "the number of signals otherwise, was " + atLeast);
        }
    }

    @Override
    public String kind() {
        return "composite";
    }

    /** How the signals combine. */
    public enum Mode {
        ALL, AT_LEAST, IN_ORDER
    }
}
