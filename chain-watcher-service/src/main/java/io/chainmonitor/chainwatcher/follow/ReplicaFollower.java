package io.chainmonitor.chainwatcher.follow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainmonitor.adapters.Block;
import io.chainmonitor.adapters.ChainClient;
import io.chainmonitor.adapters.ChainClientException;
import io.chainmonitor.adapters.ChainHead;
import io.chainmonitor.adapters.ChainTip;
import io.chainmonitor.adapters.NodeStatus;
import io.chainmonitor.chainwatcher.ChainWatcherProperties;
import io.chainmonitor.chainwatcher.blindness.Blindness;
import io.chainmonitor.chainwatcher.follow.ProgressStore.PublishedBlock;
import io.chainmonitor.chainwatcher.follow.ProgressStore.ReplicaRow;
import io.chainmonitor.chainwatcher.metrics.BlockMetrics;
import io.chainmonitor.chainwatcher.metrics.BlockObservation;
import io.chainmonitor.chainwatcher.metrics.Metric;
import io.chainmonitor.chainwatcher.metrics.MinerWindow;
import io.chainmonitor.chainwatcher.metrics.NodeStatusMetrics;
import io.chainmonitor.chainwatcher.metrics.ProjectObservations;
import io.chainmonitor.chainwatcher.reorg.BlockWindow;
import io.chainmonitor.chainwatcher.reorg.ReorgDetector;
import io.chainmonitor.chainwatcher.reorg.ReorgDetector.Fork;
import io.chainmonitor.chainwatcher.reorg.SeenBlock;
import io.chainmonitor.events.chain.ChainBlock;
import io.chainmonitor.events.chain.ChainBlock.Reorg;
import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.rules.chain.ChainFamily;

/**
 * Follows one replica's chain. One worker processes heights strictly in order from the last committed height + 1 up
 * to the node's head, in batches, so that a gap after a restart, a dropped connection or a blind spell is backfilled
 * and no block is ever skipped; each block is published, acknowledged by the broker and then committed. Heads from
 * the node's subscription only wake the worker. A second loop samples the node's status periodically.
 */
public final class ReplicaFollower {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaFollower.class);

    private final ReplicaKey key;
    private final String chainType;
    private final ChainClient client;
    private final ChainWatcherProperties properties;
    private final FollowerProgress progress;
    private final FollowerOutput output;
    private final ProjectObservations project;
    private final Clock clock;
    private final Blindness blindness;
    private final BlockWindow window;
    private final MinerWindow miners;
    private final NodeStatusMetrics statusMetrics = new NodeStatusMetrics();
    // A single slot: heads arriving while the worker is busy collapse into one wake-up (the worker asks the node
    // for its head itself), so a fast node can never fill memory.
    private final BlockingQueue<Boolean> wake = new ArrayBlockingQueue<>(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    private volatile FollowingState state = FollowingState.STARTING;
    private volatile long lastHeight = -1;
    private volatile String lastHash;
    private volatile Instant lastBlockTime;
    private volatile long bestHeight = -1;
    private volatile NodeStatus latestStatus;
    private volatile Duration latestLatency;
    private volatile Double averageInterval;
    private long orphanedBlocks;
    private Fork pendingFork;
    private Thread worker;
    private Thread statusLoop;
    private ChainClient.HeadSubscription subscription;

    ReplicaFollower(ReplicaKey key, String chainType, ChainClient client, ChainWatcherProperties properties,
            FollowerProgress progress, FollowerOutput output, ProjectObservations project, Clock clock) {
        this.key = key;
        this.chainType = chainType;
        this.client = client;
        this.properties = properties;
        this.progress = progress;
        this.output = output;
        this.project = project;
        this.clock = clock;
        this.blindness = new Blindness(key.projectId(), key.replicaId(), chainType);
        this.window = new BlockWindow(properties.reorgWindow());
        this.miners = new MinerWindow(properties.minerWindow());
    }

    public ReplicaKey key() {
        return key;
    }

    /** Starts the worker and the status loop. */
    synchronized void start() {
        worker = Thread.ofVirtual().name("follow-" + key.subject()).start(this::followLoop);
        statusLoop = Thread.ofVirtual().name("status-" + key.subject()).start(this::statusLoop);
    }

    /** Stops both loops, waiting for a block being published to be committed, then closes the node client. */
    synchronized void stop(Duration grace) {
        stopped.countDown();
        wake.offer(Boolean.TRUE);
        try {
            for (Thread thread : new Thread[]{worker, statusLoop}) {
                if (thread != null && !thread.join(grace)) {
                    thread.interrupt();
                    thread.join(grace);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeSubscription();
            client.close();
            state = FollowingState.STOPPED;
        }
    }

    boolean running() {
        return stopped.getCount() > 0;
    }

    public ReplicaSnapshot snapshot() {
        NodeStatus status = latestStatus;
        Duration latency = latestLatency;
        Long height = lastHeight < 0 ? null : lastHeight;
        Long best = bestHeight < 0 ? null : bestHeight;
        return new ReplicaSnapshot(key.replicaId(), chainType, state, height, lastHash, lastBlockTime, best,
                height == null || best == null ? null : Math.max(0, best - height),
                status == null ? null : status.peerCount(),
                latency == null ? null : latency.toNanos() / 1e9, status == null ? null : status.mempoolSize(),
                status == null ? null : status.networkHashrate(), averageInterval);
    }

    private void followLoop() {
        Duration backoff = properties.initialBackoff();
        boolean restored = false;
        while (running()) {
            try {
                if (!restored) {
                    restore();
                    restored = true;
                }
                if (subscription == null) {
                    subscription = client.subscribeHeads(new Wake());
                }
                catchUp();
                answered();
                backoff = properties.initialBackoff();
                state = FollowingState.FOLLOWING;
                wake.poll(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ChainClientException e) {
                LOG.warn("Replica {} cannot be read ({}), retrying in {}: {}", key.subject(), e.reason(), backoff,
                        e.getMessage());
                blind(e);
                backoff = pause(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Broker or database trouble: nothing was committed, so the same block is tried again.
                LOG.warn("Following replica {} failed, retrying in {}", key.subject(), backoff, e);
                backoff = pause(backoff);
            }
        }
    }

    private Duration pause(Duration backoff) {
        try {
            stopped.await(backoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : doubled;
    }

    /** Rebuilds the window from the committed blocks: a restart continues right after the last committed one. */
    private void restore() {
        Optional<ReplicaRow> row = progress.replica(key);
        row.ifPresent(r -> orphanedBlocks = r.orphanedBlocks());
        for (SeenBlock block : progress.recent(key, properties.reorgWindow())) {
            window.add(block);
            miners.record(block.height(), block.producer());
        }
        window.tip().ifPresent(tip -> {
            lastHeight = tip.height();
            lastHash = tip.hash();
            lastBlockTime = tip.blockTime();
        });
        averageInterval = averageInterval();
    }

    private void catchUp() throws InterruptedException {
        ChainHead head = client.head();
        bestHeight = head.height();
        if (window.isEmpty() && lastHeight < 0) {
            lastHeight = Math.max(-1, head.height() - properties.initialBackfillBlocks() - 1);
        }
        Optional<SeenBlock> ours = window.at(head.height());
        if (head.height() <= lastHeight && ours.isPresent() && !ours.get().hash().equals(head.hash())) {
            // The node's best block sits at or below ours on another branch: it reorganised to a branch no longer.
            Block candidate = client.blocks(head.height(), head.height()).getFirst();
            ReorgDetector.forkOf(candidate, window, client::blockByHash).ifPresent(this::rewind);
        }
        while (running() && lastHeight < bestHeight) {
            state = FollowingState.CATCHING_UP;
            long from = lastHeight + 1;
            long to = Math.min(bestHeight, from + properties.batchSize() - 1);
            for (Block block : client.blocks(from, to)) {
                if (!running()) {
                    return;
                }
                Optional<Fork> fork = ReorgDetector.forkOf(block, window, client::blockByHash);
                if (fork.isPresent()) {
                    rewind(fork.get());
                    break;
                }
                process(block);
            }
            if (lastHeight >= bestHeight) {
                bestHeight = Math.max(bestHeight, client.head().height());
            }
        }
    }

    /** Goes back to the fork point; the next block processed, the new branch's first, carries the reorg. */
    private void rewind(Fork fork) {
        pendingFork = pendingFork == null ? fork : fork.after(pendingFork);
        LOG.info("Replica {} switched branches: fork at {}, {} blocks orphaned", key.subject(), fork.forkHeight(),
                pendingFork.orphaned().size());
        window.truncateFrom(fork.forkHeight() + 1);
        lastHeight = fork.forkHeight();
    }

    private void process(Block block) {
        Instant receivedAt = clock.instant();
        Reorg reorg = pendingFork == null ? null : pendingFork.toReorg(block.hash());
        Instant parentTime = window.at(block.height() - 1).map(SeenBlock::blockTime).orElse(null);
        List<ChainTip> tips = client.family() == ChainFamily.BITCOIN ? client.chainTips() : null;
        long orphans = orphanedBlocks + (reorg == null ? 0 : reorg.depth());
        Set<String> active = BlockMetrics.activeAddresses(block);
        NodeStatus status = latestStatus;
        BlockObservation observation = new BlockObservation(client.family(), block, receivedAt, parentTime,
                client.nativeDecimals(), properties.largeTransactionThreshold(chainType), bestHeight, reorg, orphans,
                tips, status == null ? null : status.networkHashrate(),
                BlockObservation.difficultyOf(block, client.family(), status == null ? null : status.difficulty()),
                miners.record(block.height(), block.producer()),
                project.propagationDelay(block.hash(), receivedAt),
                project.tipDivergence(block.height(), key.replicaId(), block.hash()), active.size(),
                project.newAddresses(active));
        int transactions = (int) block.transactions().stream().filter(tx -> !tx.coinbase()).count();
        ChainBlock event = new ChainBlock(key.replicaId(), chainType, block.height(), block.hash(), block.parentHash(),
                block.timestamp(), receivedAt, transactions, block.sizeBytes(), block.producer(),
                block.difficulty().toString(), block.gasUsed(), block.gasLimit(),
                block.baseFeePerGas() == null ? null : block.baseFeePerGas().toString(), block.uncleHashes().size(),
                block.height() < bestHeight, reorg);
        MetricBatch metrics = new MetricBatch(key.replicaId(), chainType, block.height(), block.hash(), receivedAt,
                Metric.PRODUCER, BlockMetrics.samples(observation));
        String eventId = output.block(key, event, metrics);
        progress.commit(key,
                new PublishedBlock(block.height(), block.hash(), block.parentHash(), block.timestamp(),
                        block.producer(), transactions, reorg == null ? null : reorg.depth(),
                        java.util.UUID.fromString(eventId), clock.instant()),
                orphans, properties.retainedBlocks());
        if (reorg != null) {
            project.reorgAt(receivedAt);
        }
        orphanedBlocks = orphans;
        pendingFork = null;
        window.add(new SeenBlock(block.height(), block.hash(), block.parentHash(), block.timestamp(),
                block.producer()));
        lastHeight = block.height();
        lastHash = block.hash();
        lastBlockTime = block.timestamp();
        averageInterval = averageInterval();
    }

    private Double averageInterval() {
        List<SeenBlock> held = window.all();
        List<SeenBlock> recent = held.subList(Math.max(0, held.size() - properties.minerWindow()), held.size());
        if (recent.size() < 2) {
            return null;
        }
        Duration span = Duration.between(recent.getFirst().blockTime(), recent.getLast().blockTime());
        return span.toNanos() / 1e9 / (recent.size() - 1);
    }

    private void statusLoop() {
        try {
            while (running()) {
                sampleStatus();
                stopped.await(properties.statusInterval().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sampleStatus() {
        try {
            NodeStatus status = client.status();
            Duration latency = client.ping();
            latestStatus = status;
            latestLatency = latency;
            List<MetricBatch.Sample> samples = statusMetrics.samples(status, latency, lastHeight);
            answered();
            output.status(key, chainType, lastHeight < 0 ? null : lastHeight, samples);
        } catch (ChainClientException e) {
            blind(e);
            output.status(key, chainType, lastHeight < 0 ? null : lastHeight, NodeStatusMetrics.unavailable());
        } catch (RuntimeException e) {
            LOG.warn("Status sample of replica {} failed", key.subject(), e);
        }
    }

    private void blind(ChainClientException failure) {
        state = FollowingState.BLIND;
        Finding finding = blindness.failed(failure, lastHeight, clock.instant());
        if (finding != null) {
            LOG.warn("Watcher blind on replica {}: {}", key.subject(), finding.summary());
            try {
                output.finding(key, finding);
                output.status(key, chainType, lastHeight < 0 ? null : lastHeight, NodeStatusMetrics.unavailable());
            } catch (RuntimeException e) {
                blindness.notPublished(finding);
                LOG.warn("The blindness finding of replica {} is not published yet; tried again on the next failure",
                        key.subject(), e);
            }
        }
    }

    private void answered() {
        List<Finding> resolved = blindness.answered(clock.instant());
        for (int i = 0; i < resolved.size(); i++) {
            try {
                output.finding(key, resolved.get(i));
                blindness.published(resolved.get(i));
                LOG.info("Watcher reads replica {} again", key.subject());
            } catch (RuntimeException e) {
                resolved.subList(i, resolved.size()).forEach(blindness::notPublished);
                throw e;
            }
        }
    }

    private void closeSubscription() {
        ChainClient.HeadSubscription open = subscription;
        subscription = null;
        if (open != null) {
            try {
                open.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing the head subscription of {} failed", key.subject(), e);
            }
        }
    }

    /** Wakes the worker on every head; failures of the subscription are seen by the worker's own calls. */
    private final class Wake implements ChainClient.HeadListener {

        @Override
        public void onHead(ChainHead head) {
            wake.offer(Boolean.TRUE);
        }

        @Override
        public void onError(ChainClientException failure) {
            LOG.debug("Head subscription of {} failed: {}", key.subject(), failure.getMessage());
            wake.offer(Boolean.TRUE);
        }
    }
}
