package io.chainmonitor.rules.model;

import java.util.Objects;

/**
 * On/off: fires when its signal (an event such as a reorg, or a metric sample above a value) happens {@code count}
 * times within {@code within}, and resolves once {@code quiet} passes without it.
 */
public record EventRule(RuleHeader header, Signal signal, int count, Window within, Window quiet) implements Rule {

    public EventRule {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(quiet, "quiet");
        if (signal instanceof Signal.RuleSignal) {
            throw new IllegalArgumentException("an event rule listens to an event or a metric, not to a rule");
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        if (count > 1 && within == null) {
            throw new IllegalArgumentException("a count above 1 needs a window (within)");
        }
    }

    @Override
    public String kind() {
        return "event";
    }
}
