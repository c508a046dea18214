package io.chainmonitor.benchmarks.evaluator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/** One run of the evaluator benchmark: the corpus, the findings check and every JMH figure. */
public record EvaluatorResult(Instant date, int cores, String java, EvaluatorBenchmarkRun.RunArguments corpus,
        int events, int comparedFindings, int defaultPackFindings, Map<String, List<String>> comparedRules,
        Map<String, List<String>> otherRules, int warmups, int iterations, double loadBefore, double loadAfter,
        List<Figure> figures) {

    /** Target of ARCHITECTURE §8: events per second on one core. */
    static final double TARGET_EVENTS_PER_SECOND = 1_500_000;
    /** Target of ARCHITECTURE §8: p99 per event, in µs. */
    static final double TARGET_P99_MICROS = 20;

    /** One benchmark in one mode: ops/s for throughput, µs per event (mean and percentiles) for sampled time. */
    public record Figure(String benchmark, String mode, double score, double error, double p50, double p99,
            double p999) {

        static Figure of(RunResult result) {
            String name = result.getParams().getBenchmark();
            String method = name.substring(name.lastIndexOf('.') + 1);
            Mode mode = result.getParams().getMode();
            var primary = result.getPrimaryResult();
            Statistics statistics = primary.getStatistics();
            boolean sampled = mode == Mode.SampleTime;
            return new Figure(method, mode.shortLabel(), primary.getScore(), primary.getScoreError(),
                    sampled ? statistics.getPercentile(50) : Double.NaN,
                    sampled ? statistics.getPercentile(99) : Double.NaN,
                    sampled ? statistics.getPercentile(99.9) : Double.NaN);
        }
    }

    Figure figure(String benchmark, String mode) {
        return figures.stream().filter(f -> f.benchmark().equals(benchmark) && f.mode().equals(mode)).findFirst()
                .orElse(null);
    }

    double throughput(String benchmark) {
        Figure figure = figure(benchmark, "thrpt");
        return figure == null ? Double.NaN : figure.score();
    }

    double p99(String benchmark) {
        Figure figure = figure(benchmark, "sample");
        return figure == null ? Double.NaN : figure.p99();
    }

    /** Chain Monitor against Esper on the same rules. */
    double ratio() {
        return throughput("chainMonitorComparableRules") / throughput("esperComparableRules");
    }

    boolean meetsThroughput() {
        return throughput("chainMonitorDefaultPacks") >= TARGET_EVENTS_PER_SECOND;
    }

    boolean meetsLatency() {
        return p99("chainMonitorDefaultPacks") <= TARGET_P99_MICROS;
    }

    boolean meetsRatio() {
        return ratio() >= 1;
    }
}
