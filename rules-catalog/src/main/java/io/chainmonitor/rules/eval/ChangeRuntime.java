package io.chainmonitor.rules.eval;

import java.util.Map;

import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.rules.model.ChangeRule;
import io.chainmonitor.rules.model.Window;

/**
 * Runs a {@link ChangeRule}: the average over the recent window against the average over the window before it. It
 * judges only once the series covers both windows, and never against a baseline average of zero.
 */
final class ChangeRuntime extends RuleRuntime<ChangeRuntime.Series> implements MetricListener {

    private final ChangeRule change;
    private final int capacity;

    ChangeRuntime(ChangeRule rule, ProjectEvaluator project) {
        super(rule, project);
        this.change = rule;
        this.capacity = rule.over().isBlocks() && rule.against().isBlocks()
                ? (int) Math.min(rule.over().amount() + rule.against().amount(), ThresholdRuntime.MAX_TIME_SAMPLES)
                : ThresholdRuntime.MAX_TIME_SAMPLES;
    }

    @Override
    public void sample(String replicaId, long time, long height, String blockHash, double value) {
        Series series = seen(replicaId, height, blockHash);
        if (series == null) {
            return;
        }
        if (series.window.size() == 0) {
            series.firstTime = time;
        }
        series.window.add(time, height, value);
        if (!measure(series, time)) {
            return;
        }
        double percent = series.lastValue;
        if (!series.firing) {
            if (change.fires(percent)) {
                if (++series.consecutive >= change.debounce()) {
                    fire(series, time);
                }
            } else {
                series.consecutive = 0;
            }
        } else if (change.resolves(percent)) {
            resolve(series, time);
        }
    }

    /** Computes the change into the series; false when the windows are not covered yet or the baseline is 0. */
    private boolean measure(Series series, long now) {
        SampleRing window = series.window;
        int size = window.size();
        Window over = change.over();
        int age = 0;
        double recentSum = 0;
        while (age < size && (over.isBlocks() ? age < over.amount() : window.time(age) > now - over.amount())) {
            recentSum += window.value(age++);
        }
        int recentCount = age;
        if (recentCount == 0 || over.isBlocks() && recentCount < over.amount()) {
            return false;
        }
        long recentStart = window.time(recentCount - 1);
        Window against = change.against();
        double baseSum = 0;
        while (age < size && (against.isBlocks()
                ? age - recentCount < against.amount()
                : window.time(age) > recentStart - against.amount())) {
            baseSum += window.value(age++);
        }
        int baseCount = age - recentCount;
        window.keepNewest(Math.min(size, age + 1));
        boolean covered = against.isBlocks()
                ? baseCount == against.amount()
                : baseCount > 0 && series.firstTime <= recentStart - against.amount();
        if (!covered) {
            return false;
        }
        double baseAverage = baseSum / baseCount;
        if (baseAverage == 0) {
            return false;
        }
        series.recentAverage = recentSum / recentCount;
        series.baseAverage = baseAverage;
        series.lastValue = (series.recentAverage - baseAverage) / Math.abs(baseAverage) * 100;
        return true;
    }

    @Override
    Series newGroup(String key, String replicaId, Map<String, String> labels, String fingerprint) {
        return new Series(key, replicaId, labels, fingerprint, new SampleRing(capacity));
    }

    @Override
    Finding.Evidence evidence(Series series) {
        return new Finding.Evidence(change.select().metric(), series.lastValue, change.percent(), change.over()
                + " against " + change.against(),
                java.util.List.of("average " + Numbers.format(series.recentAverage)
                        + " over the last " + change.over(),
                        "average " + Numbers.format(series.baseAverage)
                                + " over the " + change.against() + " before"));
    }

    @Override
    String summary(Series series, boolean firing) {
        String subject = change.select().metric() + series.onReplica();
        String moved = series.lastValue >= 0 ? "rose" : "fell";
        String measured = subject + " " + moved + " " + Numbers.format(Math.abs(series.lastValue)) + "% (average "
                + Numbers.format(series.recentAverage) + " over the last " + change.over() + " against "
                + Numbers.format(series.baseAverage) + " over the " + change.against() + " before";
        return firing
                ? measured + "; threshold " + Numbers.percent(change.percent()) + ")."
                : measured + "; back within " + Numbers.percent(change.resolvePercent()) + ").";
    }

    @Override
    EvaluatorSnapshot.GroupState snapshot(Series series) {
        return state(series, series.firstTime, series.window, null, null, java.util.List.of(Double.toString(
                series.recentAverage), Double.toString(series.baseAverage)));
    }

    @Override
    void restore(Series series, EvaluatorSnapshot.GroupState state) {
        series.window.restore(state.times(), state.heights(), state.values());
        series.firstTime = state.firstTime();
        if (state.details().size() == 2) {
            series.recentAverage = Double.parseDouble(state.details().get(0));
            series.baseAverage = Double.parseDouble(state.details().get(1));
        }
    }

    /** A change rule's state for one group. */
    static final class Series extends Group {
        final SampleRing window;
        long firstTime;
        double recentAverage;
        double baseAverage;

        Series(String key, String replicaId, Map<String, String> labels, String fingerprint, SampleRing window) {
            super(key, replicaId, labels, fingerprint);
            this.window = window;
        }
    }
}
