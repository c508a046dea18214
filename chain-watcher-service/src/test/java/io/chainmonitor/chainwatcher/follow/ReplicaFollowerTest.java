package io.chainmonitor.chainwatcher.follow;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.chainmonitor.adapters.Block;
import io.chainmonitor.adapters.ChainClientException;
import io.chainmonitor.chainwatcher.ChainWatcherProperties;
import io.chainmonitor.chainwatcher.blindness.Blindness;
import io.chainmonitor.chainwatcher.metrics.ProjectObservations;
import io.chainmonitor.events.chain.ChainBlock;
import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.rules.chain.ChainFamily;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReplicaFollowerTest {

    private static final ReplicaKey KEY = new ReplicaKey("p-1", "r-1");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ScriptedChain chain = new ScriptedChain(ChainFamily.EVM);
    private final MemoryProgress progress = new MemoryProgress();
    private final RecordingOutput output = new RecordingOutput();
    private ReplicaFollower follower;

    static ChainWatcherProperties properties(int batchSize) {
        return new ChainWatcherProperties(batchSize, 16, 4, 10_000, Duration.ofMillis(50), Duration.ofMillis(20),
                Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(1), 1000,
                1000, 10_000, BigDecimal.ONE, Map.of(), List.of());
    }

    private ReplicaFollower start(int batchSize) {
        follower = new ReplicaFollower(KEY, "anvil", chain, properties(batchSize), progress, output,
                new ProjectObservations(100, 100), Clock.systemUTC());
        follower.start();
        return follower;
    }

    @AfterEach
    void stop() {
        if (follower != null) {
            follower.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void everyHeightIsPublishedOnceInOrderAndGapsAreBackfilledInBatches() {
        chain.mine(9, "miner-a");
        start(3);
        await().atMost(WAIT).until(() -> output.blocks.size() == 10);
        chain.mine(7, "miner-b");

        await().atMost(WAIT).until(() -> output.blocks.size() == 17);
        assertThat(output.heights()).containsExactlyElementsOf(LongStream.rangeClosed(0, 16).boxed().toList());
        assertThat(output.blocks).allSatisfy(block -> assertThat(block.reorg()).isNull());
        assertThat(progress.height()).isEqualTo(16L);
        // ten blocks in batches of at most three: 0-2, 3-5, 6-8, 9 at least
        assertThat(chain.blockCalls()).isGreaterThanOrEqualTo(4 + 3);
    }

    @Test
    void aReorgOfThreeBlocksIsReportedOnTheNewBranchsFirstBlockWithTheOrphanedHashes() {
        chain.mine(9, "miner-a");
        start(50);
        await().atMost(WAIT).until(() -> output.blocks.size() == 10);
        List<String> orphaned = List.of(chain.at(7).hash(), chain.at(8).hash(), chain.at(9).hash());

        List<Block> branch = chain.reorg(3, 3, "miner-b");

        await().atMost(WAIT).until(() -> output.blocks.size() == 13);
        ChainBlock first = output.blocks.get(10);
        assertThat(first.height()).isEqualTo(7);
        assertThat(first.hash()).isEqualTo(branch.get(0).hash());
        assertThat(first.reorg()).isEqualTo(new ChainBlock.Reorg(3, orphaned.get(2), 9, branch.get(0).hash(), 6,
                orphaned));
        assertThat(output.blocks.subList(11, 13)).extracting(ChainBlock::height).containsExactly(8L, 9L);
        assertThat(output.blocks.subList(11, 13)).allSatisfy(block -> assertThat(block.reorg()).isNull());
        MetricBatch metrics = output.blockMetrics.get(10);
        assertThat(value(metrics, "chain.reorg.depth")).isEqualTo(3.0);
        assertThat(value(metrics, "chain.reorg.count")).isEqualTo(1.0);
        assertThat(value(metrics, "chain.orphan.count")).isEqualTo(3.0);
        assertThat(value(output.blockMetrics.get(12), "chain.orphan.count")).isEqualTo(3.0);
        assertThat(output.blockMetrics.get(11).samples()).noneMatch(s -> s.metric().equals("chain.reorg.depth"));
    }

    @Test
    void aLongerBranchReplacingTheTipIsAReorgOfDepthOne() {
        chain.mine(4, "miner-a");
        start(50);
        await().atMost(WAIT).until(() -> output.blocks.size() == 5);
        String oldTip = chain.at(4).hash();

        List<Block> branch = chain.reorg(1, 2, "miner-b");

        await().atMost(WAIT).until(() -> output.blocks.size() == 7);
        assertThat(output.blocks.get(5).reorg()).isEqualTo(new ChainBlock.Reorg(1, oldTip, 4, branch.get(0).hash(),
                3, List.of(oldTip)));
        assertThat(output.heights()).containsExactly(0L, 1L, 2L, 3L, 4L, 4L, 5L);
        assertThat(output.blocks.get(6).parentHash()).isEqualTo(branch.get(0).hash());
    }

    @Test
    void aRestartResumesAfterTheLastCommittedBlockWithoutSkippingAny() {
        chain.mine(5, "miner-a");
        start(2);
        await().atMost(WAIT).until(() -> progress.height() != null && progress.height() == 5);
        follower.stop(Duration.ofSeconds(5));
        chain.mine(6, "miner-a");
        int before = output.blocks.size();

        start(2);

        await().atMost(WAIT).until(() -> progress.height() != null && progress.height() == 11);
        assertThat(output.heights().subList(before, output.blocks.size()))
                .containsExactlyElementsOf(LongStream.rangeClosed(6, 11).boxed().toList());
        assertThat(output.heights()).doesNotHaveDuplicates();
    }

    @Test
    void aBlockPublishedButNotCommittedIsPublishedAgainAndNothingIsSkipped() {
        chain.mine(8, "miner-a");
        progress.failCommitOnceAt(4);
        start(3);

        await().atMost(WAIT).until(() -> progress.height() != null && progress.height() == 8);
        // height 4 went out, its commit failed: it goes out again, once more only, and every height is there
        assertThat(output.heights()).containsExactly(0L, 1L, 2L, 3L, 4L, 4L, 5L, 6L, 7L, 8L);
    }

    @Test
    void aNodeThatCannotBeReachedFiresOneFindingResolvesItWhenBackAndBackfillsTheGap() {
        chain.mine(3, "miner-a");
        start(50);
        await().atMost(WAIT).until(() -> output.blocks.size() == 4);

        chain.fail(new ChainClientException.Unavailable("eth_blockNumber", "connection refused", null));
        chain.mine(5, "miner-a");
        await().atMost(WAIT).until(() -> output.findings.size() == 1
                && output.statuses.stream().filter(ReplicaFollowerTest::blind).count() >= 3);
        assertThat(follower.snapshot().state()).isEqualTo(FollowingState.BLIND);
        chain.heal();

        await().atMost(WAIT).until(() -> output.blocks.size() == 9 && output.findings.size() == 2);
        Finding firing = output.findings.get(0);
        Finding resolved = output.findings.get(1);
        assertThat(firing.ruleId()).isEqualTo(Blindness.UNREACHABLE);
        assertThat(firing.status()).isEqualTo(Finding.Status.FIRING);
        assertThat(firing.replicaId()).isEqualTo("r-1");
        assertThat(firing.chain().height()).isEqualTo(3L);
        assertThat(resolved.status()).isEqualTo(Finding.Status.RESOLVED);
        assertThat(resolved.fingerprint()).isEqualTo(firing.fingerprint());
        assertThat(output.heights()).containsExactlyElementsOf(LongStream.rangeClosed(0, 8).boxed().toList());
    }

    @Test
    void aNodeAnsweringGarbageFiresTheMalformedFinding() {
        start(50);
        await().atMost(WAIT).until(() -> output.blocks.size() == 1);

        chain.fail(new ChainClientException.Malformed("eth_getBlockByNumber", "not JSON", null));

        await().atMost(WAIT).until(() -> !output.findings.isEmpty());
        assertThat(output.findings.getFirst().ruleId()).isEqualTo(Blindness.MALFORMED);
        chain.heal();
        await().atMost(WAIT).until(() -> output.findings.size() == 2);
        assertThat(output.findings.get(1).status()).isEqualTo(Finding.Status.RESOLVED);
    }

    private static boolean blind(List<MetricBatch.Sample> samples) {
        return samples.size() == 1 && samples.getFirst().metric().equals("node.rpc.available")
                && samples.getFirst().value() == 0;
    }

    static double value(MetricBatch batch, String metric) {
        return batch.samples().stream().filter(sample -> sample.metric().equals(metric)).findFirst()
                .orElseThrow(() -> new AssertionError(metric + " missing from " + batch.samples()))
                .value();
    }
}
