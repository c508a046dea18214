package io.chainmonitor.reporter.metric;

import java.time.Instant;

/**
 * The summary of the samples of one series in one bucket: minimum, maximum, sum and count (so the average of merged
 * buckets stays exact) and the last value by observation time. Merging is associative and commutative, so samples
 * may arrive in any order and in any grouping; the SQL upsert of {@link MetricStore} merges the same way.
 */
record Rollup(double min, double max, double sum, long count, double last, Instant lastAt) {

    static Rollup of(double value, Instant at) {
        return new Rollup(value, value, value, 1, value, at);
    }

    Rollup merge(Rollup other) {
        boolean otherIsLast = other.lastAt.isAfter(lastAt) || other.lastAt.equals(lastAt) && other.last > last;
        return new Rollup(Math.min(min, other.min), Math.max(max, other.max), sum + other.sum, count + other.count,
                otherIsLast ? other.last : last, otherIsLast ? other.lastAt : lastAt);
    }

    double average() {
        return sum / count;
    }
}
