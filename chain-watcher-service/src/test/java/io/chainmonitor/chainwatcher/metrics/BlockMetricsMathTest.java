package io.chainmonitor.chainwatcher.metrics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.chainmonitor.adapters.Block;
import io.chainmonitor.adapters.ChainTip;
import io.chainmonitor.adapters.NodeStatus;
import io.chainmonitor.adapters.Transaction;
import io.chainmonitor.events.chain.MetricBatch.Sample;
import io.chainmonitor.rules.chain.ChainFamily;

import static org.assertj.core.api.Assertions.assertThat;

class BlockMetricsMathTest {

    private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

    @Test
    void propagationDelayIsMeasuredFromTheFirstReplicaToReceiveTheHash() {
        ProjectObservations project = new ProjectObservations(10, 10);

        assertThat(project.propagationDelay("0xa", T0.plusMillis(250))).isEqualTo(Duration.ZERO);
        assertThat(project.propagationDelay("0xa", T0.plusMillis(1_750))).isEqualTo(Duration.ofMillis(1_500));
        // a replica that recorded later but received earlier becomes the reference
        assertThat(project.propagationDelay("0xa", T0)).isEqualTo(Duration.ZERO);
        assertThat(project.propagationDelay("0xa", T0.plusSeconds(2))).isEqualTo(Duration.ofSeconds(2));
        assertThat(project.propagationDelay("0xb", T0.plusSeconds(9))).isEqualTo(Duration.ZERO);
    }

    @Test
    void tipDivergenceCountsTheOtherReplicasWithAnotherHashAtTheHeight() {
        ProjectObservations project = new ProjectObservations(10, 10);

        assertThat(project.tipDivergence(7, "r-1", "0xa")).isZero();
        assertThat(project.tipDivergence(7, "r-2", "0xa")).isZero();
        assertThat(project.tipDivergence(7, "r-3", "0xb")).isEqualTo(2);
        assertThat(project.tipDivergence(7, "r-1", "0xb")).isEqualTo(1);
        assertThat(project.latestDivergence()).isEqualTo(1);
    }

    @Test
    void newAddressesAreThoseNeverSeenBeforeAndTheMemoryIsCapped() {
        ProjectObservations project = new ProjectObservations(10, 3);

        assertThat(project.newAddresses(List.of("a", "b"))).isEqualTo(2);
        assertThat(project.newAddresses(List.of("a", "c"))).isEqualTo(1);
        // capacity 3: "b" is the least recently seen and is forgotten when "d" arrives
        assertThat(project.newAddresses(List.of("d"))).isEqualTo(1);
        assertThat(project.newAddresses(List.of("a", "c", "d"))).isZero();
        assertThat(project.newAddresses(List.of("b"))).isEqualTo(1);
    }

    @Test
    void minerShareIsTheProducersPartOfTheWindowAndConsecutiveIsItsRunEndingNow() {
        MinerWindow window = new MinerWindow(4);

        // Shares are of the whole window: one block of a young chain is a quarter of it, not all of it.
        assertThat(window.record(1, "a")).isEqualTo(new MinerWindow.Share("a", 0.25, 1));
        assertThat(window.record(2, "b")).isEqualTo(new MinerWindow.Share("b", 0.25, 1));
        assertThat(window.record(3, "a")).isEqualTo(new MinerWindow.Share("a", 0.5, 1));
        assertThat(window.record(4, "a")).isEqualTo(new MinerWindow.Share("a", 0.75, 2));
        // the window holds four blocks: height 1 drops out
        assertThat(window.record(5, "a")).isEqualTo(new MinerWindow.Share("a", 0.75, 3));
        // a new branch at height 4 replaces heights 4 and 5; its producer is not named, so it is nobody's share
        assertThat(window.record(4, null)).isEqualTo(new MinerWindow.Share(MinerWindow.UNKNOWN, 0, 0));
        assertThat(window.record(5, "a")).isEqualTo(new MinerWindow.Share("a", 0.5, 1));
    }

    @Test
    void amountsAreConvertedExactlyFromTheSmallestUnitAndTheCoinbaseIsLeftOut() {
        Transaction coinbase = tx(new BigInteger("5000000000"), null, true);
        Transaction big = tx(new BigInteger("12345678901"), BigInteger.valueOf(2_260), false);
        Transaction small = tx(BigInteger.valueOf(1), BigInteger.valueOf(1_000), false);
        Block block = new Block(10, "h", "p", T0, 500, "miner", BigInteger.ONE, null, null, null, List.of(),
                List.of(coinbase, big, small));

        TransactionFigures figures = TransactionFigures.of(block, 8, new BigDecimal("100"));

        assertThat(figures.transactions()).isEqualTo(2);
        assertThat(figures.valueTotal()).isEqualByComparingTo("123.45678902");
        assertThat(figures.fees()).isEqualByComparingTo("0.0000326");
        assertThat(figures.averageFee()).isEqualByComparingTo("0.0000163");
        assertThat(figures.largeCount()).isEqualTo(1);
        assertThat(figures.largestValue()).isEqualByComparingTo("123.45678901");
    }

    @Test
    void aBlockBatchCarriesTheVocabularysMetricsWithTheirUnits() {
        Transaction deploy = new Transaction("t1", List.of("0xa"), List.of(), BigInteger.ZERO,
                new BigInteger("21000000000000"), false, "0xc", false, true, 100);
        Transaction call = new Transaction("t2", List.of("0xb"), List.of("0xc"), new BigInteger("2500000000000000000"),
                new BigInteger("42000000000000"), false, null, true, true, 100);
        Block block = new Block(5, "0x5", "0x4", T0.plusSeconds(12), 700, "0xminer", BigInteger.ZERO, 15_000_000L,
                30_000_000L, BigInteger.valueOf(7), List.of("0xu"), List.of(deploy, call));
        BlockObservation seen = new BlockObservation(ChainFamily.EVM, block, T0.plusSeconds(13), T0, 18,
                BigDecimal.ONE, 8, null, 2, null, null, 0, new MinerWindow.Share("0xminer", 0.5, 2),
                Duration.ofMillis(300), 1, 4, 3);

        Map<String, Sample> samples = BlockMetrics.samples(seen).stream()
                .collect(Collectors.toMap(Sample::metric, sample -> sample));

        assertThat(samples.get("chain.block.interval").value()).isEqualTo(12.0);
        assertThat(samples.get("chain.head.age").value()).isEqualTo(1.0);
        assertThat(samples.get("chain.block.gas_used_ratio").value()).isEqualTo(0.5);
        assertThat(samples.get("chain.base_fee")).isEqualTo(new Sample("chain.base_fee", 7, "wei", Map.of()));
        assertThat(samples.get("chain.block.fees").value()).isEqualTo(0.000063);
        assertThat(samples.get("chain.tx.avg_fee").value()).isEqualTo(0.0000315);
        assertThat(samples.get("chain.tx.value_total").value()).isEqualTo(2.5);
        assertThat(samples.get("chain.tx.large_count").value()).isEqualTo(1.0);
        assertThat(samples.get("chain.contracts.deployed").value()).isEqualTo(1.0);
        assertThat(samples.get("chain.contracts.calls").value()).isEqualTo(1.0);
        assertThat(samples.get("chain.uncle.count").value()).isEqualTo(1.0);
        assertThat(samples.get("chain.blocks_behind").value()).isEqualTo(3.0);
        assertThat(samples.get("chain.propagation.delay").value()).isEqualTo(0.3);
        assertThat(samples.get("chain.miner.share")).isEqualTo(
                new Sample("chain.miner.share", 0.5, "ratio", Map.of("producer", "0xminer")));
        assertThat(samples.get("chain.orphan.count").value()).isEqualTo(2.0);
        assertThat(samples).doesNotContainKeys("chain.reorg.depth", "chain.tips", "chain.hashrate");
        assertThat(BlockMetrics.activeAddresses(block)).containsExactlyInAnyOrder("0xa", "0xb", "0xc");
        assertThat(samples.values()).allSatisfy(sample -> assertThat(Metric.values())
                .anyMatch(m -> m.metricName().equals(sample.metric()) && m.unit().equals(sample.unit())));
    }

    @Test
    void bitcoinOrphansAreTheBlocksOfValidForkTips() {
        List<ChainTip> tips = List.of(new ChainTip(110, "a", 0, ChainTip.Status.ACTIVE),
                new ChainTip(108, "b", 3, ChainTip.Status.VALID_FORK),
                new ChainTip(101, "c", 1, ChainTip.Status.VALID_FORK),
                new ChainTip(109, "d", 2, ChainTip.Status.HEADERS_ONLY));

        assertThat(BlockMetrics.orphansOf(tips)).isEqualTo(4);
    }

    @Test
    void nodeStatusCountsNewPeersTheirSubnetsAndPeersOnAnotherTip() {
        NodeStatusMetrics metrics = new NodeStatusMetrics();
        NodeStatus first = status(peer("1", "10.1.2.3:9333", 100L, 20), peer("2", "[2001:db8::1]:9333", 99L, 40));
        NodeStatus second = status(peer("1", "10.1.2.3:9333", 100L, 20), peer("3", "10.1.9.9:9333", 90L, null),
                peer("4", "10.1.9.10:9333", 100L, null), peer("5", "172.16.0.1:9333", 100L, null));

        Map<String, Double> before = values(metrics.samples(first, Duration.ofMillis(5), 100));
        Map<String, Double> after = values(metrics.samples(second, Duration.ofMillis(5), 100));

        assertThat(before).containsEntry("node.peers.new", 0.0).containsEntry("node.peers.subnets", 2.0)
                .containsEntry("node.peer.ping", 0.03).containsEntry("node.rpc.available", 1.0)
                .containsEntry("node.rpc.latency", 0.005).containsEntry("chain.finalized.lag", 64.0);
        assertThat(after).containsEntry("node.peers.new", 3.0)
                .containsEntry("node.peers.subnets", 2.0)
                .containsEntry("node.peers.new_same_subnet_ratio", 2.0 / 3)
                .containsEntry("node.peers.different_tip", 1.0);
    }

    private static Map<String, Double> values(List<Sample> samples) {
        return samples.stream().collect(Collectors.toMap(Sample::metric, Sample::value));
    }

    private static NodeStatus status(NodeStatus.Peer... peers) {
        return new NodeStatus(T0, "test", peers.length, List.of(peers), false, 3L, 900L, null, null, 64L);
    }

    private static NodeStatus.Peer peer(String id, String address, Long height, Integer pingMillis) {
        return new NodeStatus.Peer(id, address, "v", false, height,
                pingMillis == null ? null : Duration.ofMillis(pingMillis), null);
    }

    private static Transaction tx(BigInteger value, BigInteger fee, boolean coinbase) {
        return new Transaction("t" + value, List.of(), List.of("addr"), value, fee, coinbase, null, false, null, 200);
    }
}
