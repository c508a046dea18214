package io.chainmonitor.rules.eval;

import java.util.Map;

import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.rules.model.ThresholdRule;
import io.chainmonitor.rules.model.ThresholdRule.Comparison;
import io.chainmonitor.rules.model.Window;

/** Runs a {@link ThresholdRule}: the last value, or an aggregate over a window, against the threshold. */
final class ThresholdRuntime extends RuleRuntime<ThresholdRuntime.Series> implements MetricListener {

    /** Most samples a time window keeps; older ones drop out early when a metric arrives faster than expected. */
    static final int MAX_TIME_SAMPLES = 1024;

    private final ThresholdRule threshold;

    ThresholdRuntime(ThresholdRule rule, ProjectEvaluator project) {
        super(rule, project);
        this.threshold = rule;
    }

    @Override
    public void sample(String replicaId, long time, long height, String blockHash, double value) {
        Series series = seen(replicaId, height, blockHash);
        if (series == null) {
            return;
        }
        double measured = value;
        if (series.window != null) {
            series.window.add(time, height, value);
            if (threshold.over().isBlocks() && threshold.aggregate() != ThresholdRule.Aggregate.SUM
                    && !series.window.isFull()) {
                // an average over 5 blocks is not judged on one block: a single spike would pass for it
                return;
            }
            measured = aggregate(series.window, time);
        }
        series.lastValue = measured;
        if (!series.firing) {
            if (threshold.op().holds(measured, threshold.value())) {
                if (++series.consecutive >= threshold.debounce()) {
                    fire(series, time);
                }
            } else {
                series.consecutive = 0;
            }
        } else if (!threshold.op().holds(measured, threshold.resolveValue())) {
            resolve(series, time);
        }
    }

    private double aggregate(SampleRing window, long now) {
        Window over = threshold.over();
        if (!over.isBlocks()) {
            int keep = 0;
            while (keep < window.size() && window.time(keep) > now - over.amount()) {
                keep++;
            }
            window.keepNewest(Math.max(keep, 1));
        }
        int n = window.size();
        double result = switch (threshold.aggregate()) {
            case MIN -> Double.POSITIVE_INFINITY;
            case MAX -> Double.NEGATIVE_INFINITY;
            default -> 0;
        };
        for (int age = 0; age < n; age++) {
            double v = window.value(age);
            result = switch (threshold.aggregate()) {
                case MIN -> Math.min(result, v);
                case MAX -> Math.max(result, v);
                default -> result + v;
            };
        }
        return threshold.aggregate() == ThresholdRule.Aggregate.AVG ? result / n : result;
    }

    @Override
    Series newGroup(String key, String replicaId, Map<String, String> labels, String fingerprint) {
        Window over = threshold.over();
        SampleRing window = over == null
                ? null
                : new SampleRing(over.isBlocks() ? (int) Math.min(over.amount(), MAX_TIME_SAMPLES) : MAX_TIME_SAMPLES);
        return new Series(key, replicaId, labels, fingerprint, window);
    }

    @Override
    Finding.Evidence evidence(Series series) {
        return new Finding.Evidence(threshold.select().metric(), series.lastValue, threshold.value(),
                threshold.over() == null ? null : threshold.over().toString(), null);
    }

    @Override
    String summary(Series series, boolean firing) {
        String subject = threshold.select().metric() + series.onReplica();
        String measured = threshold.over() == null
                ? Numbers.format(series.lastValue)
                : Numbers.format(series.lastValue) + " (" + threshold.aggregate().name().toLowerCase(
                        java.util.Locale.ROOT) + " over " + threshold.over() + ")";
        String side = threshold.op() == Comparison.ABOVE ? "above" : "below";
        if (firing) {
            return subject + " is " + measured + ", " + side + " the threshold " + Numbers.format(threshold.value())
                    + (threshold.debounce() > 1 ? " for " + threshold.debounce() + " evaluations in a row" : "")
                    + ".";
        }
        return subject + " is back to " + measured + ", no longer " + side + " " + Numbers.format(threshold
                .resolveValue()) + ".";
    }

    @Override
    EvaluatorSnapshot.GroupState snapshot(Series series) {
        return state(series, 0, series.window, null, null, null);
    }

    @Override
    void restore(Series series, EvaluatorSnapshot.GroupState state) {
        if (series.window != null) {
            series.window.restore(state.times(), state.heights(), state.values());
        }
    }

    /** A threshold rule's state for one group. */
    static final class Series extends Group {
        final SampleRing window;

        Series(String key, String replicaId, Map<String, String> labels, String fingerprint, SampleRing window) {
            super(key, replicaId, labels, fingerprint);
            this.window = window;
        }
    }
}
