package io.chainmonitor.reporter.metric;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chainmonitor.events.chain.MetricBatch;

/** Folds the samples of a metric batch into per-minute and per-hour rollups, one per series and bucket. */
final class Rollups {

    private Rollups() {
    }

    /** A rollup's place: the series (with its labels and unit, as written), the resolution and the bucket's start. */
    record Bucket(SeriesKey series, Map<String, String> labels, String unit, Resolution resolution, Instant start) {
    }

    static Map<Bucket, Rollup> of(String projectId, MetricBatch batch) {
        Map<Bucket, Rollup> buckets = new LinkedHashMap<>();
        for (MetricBatch.Sample sample : batch.samples()) {
            SeriesKey series = new SeriesKey(projectId, sample.metric(), batch.replicaId(),
                    SeriesKey.labelsKey(sample.labels()));
            Rollup one = Rollup.of(sample.value(), batch.observedAt());
            for (Resolution resolution : List.of(Resolution.MINUTE, Resolution.HOUR)) {
                buckets.merge(
                        new Bucket(series, sample.labels(), sample.unit(), resolution,
                                resolution.bucketOf(batch.observedAt())),
                        one,
                        Rollup::merge);
            }
        }
        return buckets;
    }
}
