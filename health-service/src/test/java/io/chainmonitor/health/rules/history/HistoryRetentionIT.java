package io.chainmonitor.health.rules.history;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.chain.ChainBlock;
import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.health.rules.RulesApiIT;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class HistoryRetentionIT extends RulesApiIT {

    @Autowired
    private MetricHistory history;

    @Test
    void blocksAndBatchesAreKeptOnceAndWhatIsOlderThanTheRetentionIsPurged() {
        String projectId = UUID.randomUUID().toString();
        Instant recent = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        Instant old = recent.minus(8, ChronoUnit.DAYS);
        Envelope<MetricBatch> oldBatch = Envelope.of("/chain-watcher-service/metrics", null, projectId,
                Severity.LOW, new MetricBatch("r-1", "litecoin", 7L, null, old, "chain-watcher",
                        List.of(new MetricBatch.Sample("node.peers", 8, null, null))));
        Envelope<ChainBlock> block = Envelope.of("/chain-watcher-service/blocks", null, projectId, Severity.LOW,
                new ChainBlock("r-1", "litecoin", 8, "00ab", "00aa", recent, recent, 3, null, null, null, null,
                        null, null, 0, false, null));
        publisher.publish(oldBatch).join();
        publisher.publish(block).join();
        publisher.publish(block).join();
        await().until(() -> history.count(projectId, new HistoryRange.Heights(0, 100)) == 2);

        assertThat(history.purgeOlderThan(Duration.ofDays(7))).isGreaterThanOrEqualTo(1);

        assertThat(history.count(projectId, new HistoryRange.Heights(0, 100))).isEqualTo(1);
        assertThat(history.count(projectId, new HistoryRange.Time(recent, recent.plusSeconds(1)))).isEqualTo(1);
    }
}
