package io.chainmonitor.chainwatcher.follow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainmonitor.chainwatcher.ChainWatcherException;
import io.chainmonitor.chainwatcher.ChainWatcherException.Reason;
import io.chainmonitor.chainwatcher.metrics.Metric;
import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.chain.ChainBlock;
import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.support.kafka.EventPublisher;

/** Publishes what the followers see: blocks, their metric batches, node status batches and blindness findings. */
public class WatcherEvents implements FollowerOutput {

    static final String SOURCE = "/chain-watcher-service/follower";
    private static final Logger LOG = LoggerFactory.getLogger(WatcherEvents.class);

    private final EventPublisher publisher;
    private final Duration publishTimeout;

    public WatcherEvents(EventPublisher publisher, Duration publishTimeout) {
        this.publisher = publisher;
        this.publishTimeout = publishTimeout;
    }

    /**
     * Publishes a block and its metrics and waits until the broker has both: only then may the block be committed as
     * processed. Returns the block event's id.
     */
    @Override
    public String block(ReplicaKey key, ChainBlock block, MetricBatch metrics) {
        Envelope<ChainBlock> event = Envelope.of(SOURCE, key.subject(), key.projectId(),
                block.reorg() == null ? Severity.LOW : Severity.MEDIUM, block);
        CompletableFuture<RecordMetadata> sentBlock = publisher.publish(event);
        CompletableFuture<RecordMetadata> sentMetrics = publisher
                .publish(Envelope.of(SOURCE, key.subject(), key.projectId(), Severity.LOW, metrics));
        await(CompletableFuture.allOf(sentBlock, sentMetrics), key);
        return event.id();
    }

    /** A node status batch; not awaited, the next one follows soon. */
    @Override
    public void status(ReplicaKey key, String chainType, Long height, List<MetricBatch.Sample> samples) {
        publisher.publish(Envelope.of(SOURCE, key.subject(), key.projectId(), Severity.LOW,
                new MetricBatch(key.replicaId(), chainType, height, null, Instant.now(), Metric.PRODUCER, samples)));
    }

    /** A blindness finding, firing or resolved; awaited so that it is not lost behind the node's recovery. */
    @Override
    public void finding(ReplicaKey key, Finding finding) {
        await(publisher.publish(Envelope.of(SOURCE, key.subject(), key.projectId(), Severity.HIGH, finding)), key);
    }

    private void await(CompletableFuture<?> sent, ReplicaKey key) {
        try {
            sent.get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainWatcherException(Reason.PUBLISH_FAILED, "interrupted while publishing for " + key.subject(),
                    e);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Broker did not acknowledge events of {}: {}", key.subject(), e.toString());
            throw new ChainWatcherException(Reason.PUBLISH_FAILED,
                    "the broker did not acknowledge events of " + key.subject(), e);
        }
    }
}
