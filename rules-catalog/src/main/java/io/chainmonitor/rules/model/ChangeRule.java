package io.chainmonitor.rules.model;

import java.util.Objects;

/**
 * Percentage change: the average of the metric over the recent window ({@code over}) against its average over the
 * window just before it ({@code against}: as many blocks, or a span of time). A positive {@code percent} fires on a
 * rise of at least that much, a negative one on a drop; it resolves once the change is back within
 * {@code resolvePercent}.
 */
public record ChangeRule(RuleHeader header, MetricSelector select, Window over, Window against, double percent,
        int debounce, double resolvePercent) implements Rule {

    public ChangeRule {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(select, "select");
        Objects.requireNonNull(over, "over");
        Objects.requireNonNull(against, "against");
        if (percent == 0) {
            throw new IllegalArgumentException("percent must not be 0: +N fires on a rise, -N on a drop");
        }
        if (debounce < 1) {
            throw new IllegalArgumentException("for counts evaluations from 1, was " + debounce);
        }
        if (Math.signum(resolvePercent) == -Math.signum(percent) || Math.abs(resolvePercent) > Math.abs(percent)) {
            throw new IllegalArgumentException(
                    "resolve " + resolvePercent + "% must lie between 0 and percent " + percent + "%");
        }
    }

    @Override
    public String kind() {
        return "change";
    }

    /** True when the change (in percent) meets the rule. */
    public boolean fires(double change) {
        return percent > 0 ? change >= percent : change <= percent;
    }

    /** True when the change (in percent) is back within the resolve bound. */
    public boolean resolves(double change) {
        return percent > 0 ? change < resolvePercent : change > resolvePercent;
    }
}
