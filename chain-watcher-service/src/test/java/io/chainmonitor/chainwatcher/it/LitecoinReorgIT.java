package io.chainmonitor.chainwatcher.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Topic;
import io.chainmonitor.events.chain.ChainBlock;
import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.support.security.NodeRpcCredentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two peered litecoind in regtest, as a project's two replicas: a real partition ({@code setnetworkactive false}),
 * private mining on one side and the reconnection make the other side reorganise, which the watcher reports with the
 * exact depth and orphaned hashes.
 */
class LitecoinReorgIT extends WatcherITSupport {

    @Test
    void aPartitionWithPrivateMiningIsReportedAsAReorgOfTheExactDepth() throws Exception {
        String projectId = newProjectId("ltc");
        NodeRpcCredentials credentials = new NodeRpcCredentials(NODE_RPC_SECRET);
        NodeRpcCredentials.Credentials first = credentials.forReplica(projectId, "r-1");
        NodeRpcCredentials.Credentials second = credentials.forReplica(projectId, "r-2");
        try (TestNode honest = TestNode.litecoind(newDirectory("ltc-1-"), first.user(), first.password(), List.of());
                TestNode attacker = TestNode.litecoind(newDirectory("ltc-2-"), second.user(), second.password(),
                        List.of(honest.p2pAddress()))) {
            await().atMost(WAIT).until(() -> honest.call("getconnectioncount").asInt() >= 1
                    && attacker.call("getconnectioncount").asInt() >= 1);
            honest.call("generatetoaddress", 5, TestNode.PAYOUT);
            await().atMost(WAIT).until(() -> attacker.call("getblockcount").asInt() == 5);

            announce(projectId, "r-1", "litecoin", honest.rpcUrl(), null);
            announce(projectId, "r-2", "litecoin", attacker.rpcUrl(), null);
            awaitEvents(Topic.CHAIN_BLOCKS, projectId, events -> blocks(events, "r-1").size() == 6
                    && blocks(events, "r-2").size() == 6);

            honest.call("setnetworkactive", false);
            attacker.call("setnetworkactive", false);
            await().atMost(WAIT).until(() -> honest.call("getconnectioncount").asInt() == 0
                    && attacker.call("getconnectioncount").asInt() == 0);
            List<String> publicBranch = strings(honest.call("generatetoaddress", 2, TestNode.PAYOUT));
            awaitEvents(Topic.CHAIN_BLOCKS, projectId,
                    events -> blocks(events, "r-1").stream().anyMatch(b -> b.hash().equals(publicBranch.get(1))));
            // Another payout than the honest side's: two nodes mining on the same parent to the same address in the
            // same second would make identical blocks, and no fork.
            String attackerPayout = attacker.call("decodescript", "51").get("p2sh").asString();
            List<String> privateBranch = strings(attacker.call("generatetoaddress", 4, attackerPayout));
            // The watcher reads the private branch while the partition lasts, so both tips of height 6 are compared.
            awaitEvents(Topic.CHAIN_BLOCKS, projectId,
                    events -> blocks(events, "r-2").stream().anyMatch(b -> b.hash().equals(privateBranch.get(3))));

            honest.call("setnetworkactive", true);
            attacker.call("setnetworkactive", true);
            honest.call("addnode", attacker.p2pAddress(), "onetry");
            await().atMost(WAIT).until(() -> honest.call("getbestblockhash").asString().equals(privateBranch.get(3)));

            List<Envelope<?>> events = awaitEvents(Topic.CHAIN_BLOCKS, projectId,
                    all -> blocks(all, "r-1").stream().anyMatch(b -> b.hash().equals(privateBranch.get(3))));
            List<ChainBlock> honestBlocks = blocks(events, "r-1");
            assertThat(honestBlocks.stream().filter(b -> b.reorg() != null))
                    .as(() -> "public " + publicBranch + ", private " + privateBranch + ", published "
                            + honestBlocks.stream().map(b -> b.height() + ":" + b.hash() + ":" + b.parentHash())
                                    .toList())
                    .hasSize(1);
            ChainBlock switched = honestBlocks.stream().filter(b -> b.reorg() != null).findFirst().orElseThrow();
            assertThat(switched.height()).isEqualTo(6);
            assertThat(switched.hash()).isEqualTo(privateBranch.get(0));
            assertThat(switched.reorg()).isEqualTo(new ChainBlock.Reorg(2, publicBranch.get(1), 7,
                    privateBranch.get(0), 5, publicBranch));
            assertThat(honestBlocks).extracting(ChainBlock::hash).containsSubsequence(publicBranch.get(0),
                    publicBranch.get(1), privateBranch.get(0), privateBranch.get(1), privateBranch.get(2),
                    privateBranch.get(3));
            assertThat(blocks(events, "r-2").stream().filter(b -> b.reorg() != null)).isEmpty();

            List<Envelope<?>> metrics = awaitEvents(Topic.CHAIN_METRICS, projectId, all -> blockBatches(all, "r-1")
                    .stream().anyMatch(batch -> privateBranch.get(3).equals(batch.blockHash())));
            MetricBatch reorg = batchOf(metrics, "r-1", privateBranch.get(0));
            assertThat(value(reorg, "chain.reorg.depth")).isEqualTo(2);
            assertThat(value(reorg, "chain.reorg.count")).isEqualTo(1);
            assertThat(value(reorg, "chain.orphan.count")).isEqualTo(2);
            assertThat(value(reorg, "chain.tips")).isEqualTo(2);
            assertThat(value(reorg, "chain.difficulty")).isPositive();
            assertThat(value(reorg, "chain.block.interval")).isGreaterThanOrEqualTo(0);
            assertThat(reorg.samples()).filteredOn(sample -> sample.metric().equals("chain.miner.share"))
                    .singleElement().satisfies(sample -> {
                        // heights 0 to 6: the genesis coinbase pays no standard address, 1 to 5 PAYOUT, 6 the attacker:
                        // one block of the 100-block window
                        assertThat(sample.value()).isEqualTo(1.0 / 100);
                        assertThat(sample.labels()).isEqualTo(Map.of("producer", attackerPayout));
                    });
            // Both replicas mined a height 6 of their own while partitioned: whichever the watcher read second differs
            // from the tip it already held for that height (r-1's public block was read first above, but the order
            // is the watcher's business, not the test's).
            assertThat(value(batchOf(metrics, "r-2", privateBranch.get(0)), "chain.tip.divergence")
                    + value(batchOf(metrics, "r-1", publicBranch.get(0)), "chain.tip.divergence")).isEqualTo(1);
            assertThat(metrics.stream().map(Envelope::data).filter(MetricBatch.class::isInstance)
                    .map(MetricBatch.class::cast)
                    .filter(batch -> batch.blockHash() == null && batch.replicaId().equals("r-1"))
                    .flatMap(batch -> batch.samples().stream())
                    .filter(sample -> sample.metric().equals("node.peers"))).isNotEmpty();
        }
    }

    private static MetricBatch batchOf(List<Envelope<?>> events, String replicaId, String hash) {
        return blockBatches(events, replicaId).stream().filter(batch -> hash.equals(batch.blockHash())).findFirst()
                .orElseThrow();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }
}
