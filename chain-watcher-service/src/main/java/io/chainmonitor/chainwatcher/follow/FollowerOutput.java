package io.chainmonitor.chainwatcher.follow;

import java.util.List;

import io.chainmonitor.events.chain.ChainBlock;
import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.events.finding.Finding;

/** Where a follower's events go: the broker in the service ({@link WatcherEvents}). */
interface FollowerOutput {

    /** Publishes a block and its metrics, returning once the broker has both; the block event's id. */
    String block(ReplicaKey key, ChainBlock block, MetricBatch metrics);

    void status(ReplicaKey key, String chainType, Long height, List<MetricBatch.Sample> samples);

    void finding(ReplicaKey key, Finding finding);
}
