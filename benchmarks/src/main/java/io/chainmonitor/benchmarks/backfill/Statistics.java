package io.chainmonitor.benchmarks.backfill;

import java.util.List;

/**
 * The spread of the measured passes of one reader, in blocks per second.
 *
 * @param samples every measured pass, in run order
 */
public record Statistics(double median, double min, double max, List<Double> samples) {

    public Statistics {
        samples = List.copyOf(samples);
    }

    /** The statistics of at least one sample; the median of an even count is the mean of the middle two. */
    public static Statistics of(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("at least one measured pass is needed");
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Statistics(median, sorted[0], sorted[sorted.length - 1], samples);
    }
}
