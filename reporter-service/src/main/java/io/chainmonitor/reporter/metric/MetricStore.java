package io.chainmonitor.reporter.metric;

import java.sql.Timestamp;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.EventCodec;
import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.reporter.ingest.ProcessedEvents;

/** Keeps metric batches: every sample raw, and merged into the per-minute and per-hour rollups. */
@Repository
class MetricStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ProcessedEvents processed;

    MetricStore(JdbcClient jdbc, EventCodec codec, ProcessedEvents processed) {
        this.jdbc = jdbc;
        this.json = codec.mapper();
        this.processed = processed;
    }

    /** Stores the batch once; a redelivered batch changes nothing, so the rollups never count a sample twice. */
    @Transactional
    boolean store(Envelope<?> envelope, MetricBatch batch) {
        if (!processed.firstDelivery(envelope.uuid(), envelope.topic().topicName())) {
            return false;
        }
        UUID eventId = envelope.uuid();
        for (MetricBatch.Sample sample : batch.samples()) {
            jdbc.sql("""
                    INSERT INTO metric_sample (project_id, replica_id, metric, labels_key, labels, observed_at, value,
                                               unit, height, event_id)
                    VALUES (:project, :replica, :metric, :labelsKey, CAST(:labels AS jsonb), :at, :value, :unit,
                            :height, :eventId)
                    """)
                    .param("project", envelope.projectid())
                    .param("replica", batch.replicaId())
                    .param("metric", sample.metric())
                    .param("labelsKey", SeriesKey.labelsKey(sample.labels()))
                    .param("labels", json.writeValueAsString(sample.labels()))
                    .param("at", Timestamp.from(batch.observedAt()))
                    .param("value", sample.value())
                    .param("unit", sample.unit())
                    .param("height", batch.height())
                    .param("eventId", eventId)
                    .update();
        }
        Rollups.of(envelope.projectid(), batch).forEach(this::merge);
        return true;
    }

    private void merge(Rollups.Bucket bucket, Rollup rollup) {
        jdbc.sql("""
                INSERT INTO metric_rollup AS r (resolution, project_id, metric, replica_id, labels_key, bucket_start,
                       labels, unit, min_value, max_value, sum_value, sample_count, last_value, last_at)
                VALUES (:resolution, :project, :metric, :replica, :labelsKey, :start, CAST(:labels AS jsonb), :unit,
                        :min, :max, :sum, :count, :last, :lastAt)
                ON CONFLICT (resolution, project_id, metric, replica_id, labels_key, bucket_start) DO UPDATE SET
                    min_value = LEAST(r.min_value, EXCLUDED.min_value),
                    max_value = GREATEST(r.max_value, EXCLUDED.max_value),
                    sum_value = r.sum_value + EXCLUDED.sum_value,
                    sample_count = r.sample_count + EXCLUDED.sample_count,
                    last_value = CASE WHEN EXCLUDED.last_at > r.last_at
                                        OR (EXCLUDED.last_at = r.last_at AND EXCLUDED.last_value > r.last_value)
                                      THEN EXCLUDED.last_value ELSE r.last_value END,
                    last_at = GREATEST(r.last_at, EXCLUDED.last_at),
                    unit = COALESCE(EXCLUDED.unit, r.unit)
                """)
                .param("resolution", bucket.resolution().column())
                .param("project", bucket.series().projectId())
                .param("metric", bucket.series().metric())
                .param("replica", bucket.series().replicaId())
                .param("labelsKey", bucket.series().labelsKey())
                .param("start", Timestamp.from(bucket.start()))
                .param("labels", json.writeValueAsString(bucket.labels()))
                .param("unit", bucket.unit())
                .param("min", rollup.min())
                .param("max", rollup.max())
                .param("sum", rollup.sum())
                .param("count", rollup.count())
                .param("last", rollup.last())
                .param("lastAt", Timestamp.from(rollup.lastAt()))
                .update();
    }
}
