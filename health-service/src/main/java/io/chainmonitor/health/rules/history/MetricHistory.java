package io.chainmonitor.health.rules.history;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.EventCodec;
import io.chainmonitor.events.chain.ChainBlock;
import io.chainmonitor.events.chain.MetricBatch;

/**
 * The metric batches and blocks the health service consumed, kept for the retention so that rule sets can be dry-run
 * over the past. Stored by event id, so a redelivered event is kept once; replayed in the order of the events' own
 * times.
 */
@Repository
public class MetricHistory {

    private static final int FETCH_SIZE = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final EventCodec codec;

    MetricHistory(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions,
            EventCodec codec) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        // PostgreSQL streams a result in fetch-size pieces only inside a transaction; otherwise it reads it whole.
        this.streaming.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.codec = codec;
    }

    /** Keeps a metric batch or block; returns false for another event or one already kept. */
    boolean store(Envelope<?> envelope) {
        Instant observed;
        Long height;
        switch (envelope.data()) {
            case MetricBatch batch -> {
                observed = batch.observedAt();
                height = batch.height();
            }
            case ChainBlock block -> {
                observed = block.receivedAt();
                height = block.height();
            }
            default -> {
                return false;
            }
        }
        return jdbc.sql("""
                INSERT INTO metric_history (event_id, project_id, observed_at, height, envelope)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING
                """)
                .params(envelope.uuid(), envelope.projectid(), Timestamp.from(observed), height,
                        codec.write(envelope))
                .update() == 1;
    }

    /** How many stored events of the project lie in the range. */
    public long count(String projectId, HistoryRange range) {
        Query query = Query.of(range);
        return jdbc.sql("SELECT count(*) FROM metric_history WHERE project_id = ? AND " + query.where())
                .params(projectId, query.low(), query.high()).query(Long.class).single();
    }

    /** Hands the project's stored events in the range to {@code events}, oldest first, streaming. */
    public void replay(String projectId, HistoryRange range, Consumer<Envelope<?>> events) {
        Query query = Query.of(range);
        readOnly.executeWithoutResult(status -> streaming.query("SELECT envelope FROM metric_history"
                + " WHERE project_id = ? AND " + query.where() + " ORDER BY observed_at, event_id",
                rs -> {
                    events.accept(codec.read(rs.getBytes("envelope")));
                }, projectId, query.low(), query.high()));
    }

    /** Deletes what is older than the retention; returns how many events. */
    int purgeOlderThan(Duration retention) {
        return jdbc.sql("DELETE FROM metric_history WHERE observed_at < ?")
                .param(Timestamp.from(Instant.now().minus(retention))).update();
    }

    private record Query(String where, Object low, Object high) {

        static Query of(HistoryRange range) {
            return switch (range) {
                case HistoryRange.Time time -> new Query("observed_at >= ? AND observed_at < ?",
                        Timestamp.from(time.from()), Timestamp.from(time.to()));
                case HistoryRange.Heights heights -> new Query("height BETWEEN ? AND ?", heights.from(),
                        heights.to());
            };
        }
    }
}
