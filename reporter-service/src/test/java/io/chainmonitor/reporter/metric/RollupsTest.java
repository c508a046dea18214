package io.chainmonitor.reporter.metric;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chainmonitor.events.chain.MetricBatch;

import static org.assertj.core.api.Assertions.assertThat;

class RollupsTest {

    private static final Instant T0 = Instant.parse("2026-11-22T03:15:42.500Z");

    @Test
    void mergingKeepsMinMaxSumCountAndTheLastValueByTime() {
        Rollup merged = Rollup.of(5, T0).merge(Rollup.of(2, T0.plusSeconds(1))).merge(Rollup.of(9, T0.minusSeconds(1)));

        assertThat(merged).isEqualTo(new Rollup(2, 9, 16, 3, 2, T0.plusSeconds(1)));
        assertThat(merged.average()).isEqualTo(16.0 / 3);
    }

    @Test
    void mergingIsTheSameInAnyOrderAndGrouping() {
        Rollup a = Rollup.of(1, T0);
        Rollup b = Rollup.of(7, T0.plusSeconds(5));
        Rollup c = Rollup.of(3, T0.plusSeconds(5));

        Rollup left = a.merge(b).merge(c);
        assertThat(c.merge(a.merge(b))).isEqualTo(left);
        assertThat(b.merge(c).merge(a)).isEqualTo(left);
        // Two samples at the same instant: the larger is "last", whichever arrived first.
        assertThat(left.last()).isEqualTo(7);
    }

    @Test
    void aBatchFallsIntoItsMinuteAndHourBucketsPerSeriesAndLabels() {
        MetricBatch batch = new MetricBatch("r-1", "litecoin", 1212L, null, T0, "chain-watcher", List.of(
                new MetricBatch.Sample("chain.peers", 4, "peers", Map.of()),
                new MetricBatch.Sample("wire.requests", 10, null, Map.of("method", "getblock")),
                new MetricBatch.Sample("wire.requests", 3, null, Map.of("method", "getblock")),
                new MetricBatch.Sample("wire.requests", 6, null, Map.of("method", "sendrawtransaction"))));

        Map<Rollups.Bucket, Rollup> buckets = Rollups.of("p-1", batch);

        assertThat(buckets).hasSize(6);
        SeriesKey getblock = new SeriesKey("p-1", "wire.requests", "r-1", "method=getblock");
        assertThat(buckets.get(new Rollups.Bucket(getblock, Map.of("method", "getblock"), null, Resolution.MINUTE,
                Instant.parse("2026-11-22T03:15:00Z")))).isEqualTo(new Rollup(3, 10, 13, 2, 10, T0));
        assertThat(buckets.get(new Rollups.Bucket(getblock, Map.of("method", "getblock"), null, Resolution.HOUR,
                Instant.parse("2026-11-22T03:00:00Z")))).isEqualTo(new Rollup(3, 10, 13, 2, 10, T0));
    }

    @Test
    void bucketsAreHalfOpenAtTheirEnd() {
        assertThat(Resolution.MINUTE.bucketOf(Instant.parse("2026-11-22T03:15:59.999Z")))
                .isEqualTo(Instant.parse("2026-11-22T03:15:00Z"));
        assertThat(Resolution.MINUTE.bucketOf(Instant.parse("2026-11-22T03:16:00Z")))
                .isEqualTo(Instant.parse("2026-11-22T03:16:00Z"));
        assertThat(Resolution.HOUR.bucketOf(Instant.parse("2026-11-22T03:59:59Z")))
                .isEqualTo(Instant.parse("2026-11-22T03:00:00Z"));
    }

    @Test
    void labelKeysDoNotDependOnOrderAndNeverCollide() {
        assertThat(SeriesKey.labelsKey(Map.of("b", "2", "a", "1"))).isEqualTo("a=1,b=2");
        assertThat(SeriesKey.labelsKey(Map.of("a", "1,b=2"))).isNotEqualTo(SeriesKey.labelsKey(
                Map.of("a", "1", "b", "2")));
        assertThat(SeriesKey.labelsKey(Map.of())).isEmpty();
    }
}
