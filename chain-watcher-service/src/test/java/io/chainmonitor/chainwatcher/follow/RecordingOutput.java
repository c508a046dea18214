package io.chainmonitor.chainwatcher.follow;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.chainmonitor.events.chain.ChainBlock;
import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.events.finding.Finding;

/** Keeps every event a follower publishes, in order. */
final class RecordingOutput implements FollowerOutput {

    final List<ChainBlock> blocks = new CopyOnWriteArrayList<>();
    final List<MetricBatch> blockMetrics = new CopyOnWriteArrayList<>();
    final List<List<MetricBatch.Sample>> statuses = new CopyOnWriteArrayList<>();
    final List<Finding> findings = new CopyOnWriteArrayList<>();

    @Override
    public String block(ReplicaKey key, ChainBlock block, MetricBatch metrics) {
        blocks.add(block);
        blockMetrics.add(metrics);
        return UUID.randomUUID().toString();
    }

    @Override
    public void status(ReplicaKey key, String chainType, Long height, List<MetricBatch.Sample> samples) {
        statuses.add(samples);
    }

    @Override
    public void finding(ReplicaKey key, Finding finding) {
        findings.add(finding);
    }

    List<Long> heights() {
        return blocks.stream().map(ChainBlock::height).toList();
    }
}
