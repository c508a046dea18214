package io.chainmonitor.chainwatcher.metrics;

import java.util.Map;

import io.chainmonitor.events.chain.MetricBatch.Sample;

/** Every metric the chain watcher publishes, with its unit, as the metric vocabulary fixes them. */
public enum Metric {
    CHAIN_HEIGHT("chain.height", "blocks"), BLOCK_INTERVAL("chain.block.interval", "seconds"), HEAD_AGE(
            "chain.head.age",
            "seconds"), BLOCK_TRANSACTIONS("chain.block.transactions", "count"), BLOCK_SIZE("chain.block.size",
                    "bytes"), GAS_USED_RATIO("chain.block.gas_used_ratio", "ratio"), BASE_FEE("chain.base_fee",
                            "wei"), BLOCK_FEES("chain.block.fees", "native"), TX_AVG_FEE("chain.tx.avg_fee",
                                    "native"), TX_VALUE_TOTAL("chain.tx.value_total", "native"), TX_LARGE_COUNT(
                                            "chain.tx.large_count",
                                            "count"), TX_LARGE_VALUE_MAX("chain.tx.large_value_max",
                                                    "native"), DIFFICULTY("chain.difficulty", "count"), HASHRATE(
                                                            "chain.hashrate", "hashes_per_second"), MINER_SHARE(
                                                                    "chain.miner.share", "ratio"), MINER_CONSECUTIVE(
                                                                            "chain.miner.consecutive",
                                                                            "count"), PROPAGATION_DELAY(
                                                                                    "chain.propagation.delay",
                                                                                    "seconds"), REORG_DEPTH(
                                                                                            "chain.reorg.depth",
                                                                                            "blocks"), REORG_COUNT(
                                                                                                    "chain.reorg.count",
                                                                                                    "count"), ORPHAN_COUNT(
                                                                                                            "chain.orphan.count",
                                                                                                            "count"), UNCLE_COUNT(
                                                                                                                    "chain.uncle.count",
                                                                                                                    "count"), TIPS(
                                                                                                                            "chain.tips",
                                                                                                                            "count"), TIP_DIVERGENCE(
                                                                                                                                    "chain.tip.divergence",
                                                                                                                                    "count"), BLOCKS_BEHIND(
                                                                                                                                            "chain.blocks_behind",
                                                                                                                                            "blocks"), CONTRACTS_DEPLOYED(
                                                                                                                                                    "chain.contracts.deployed",
                                                                                                                                                    "count"), CONTRACTS_CALLS(
                                                                                                                                                            "chain.contracts.calls",
                                                                                                                                                            "count"), ADDRESSES_ACTIVE(
                                                                                                                                                                    "chain.addresses.active",
                                                                                                                                                                    "count"), ADDRESSES_NEW(
                                                                                                                                                                            "chain.addresses.new",
                                                                                                                                                                            "count"),

    NODE_PEERS("node.peers", "count"), NODE_PEERS_NEW("node.peers.new", "count"), NODE_PEERS_SUBNETS(
            "node.peers.subnets", "count"), NODE_PEERS_NEW_SAME_SUBNET_RATIO("node.peers.new_same_subnet_ratio",
                    "ratio"), NODE_PEERS_DIFFERENT_TIP("node.peers.different_tip", "count"), NODE_PEER_PING(
                            "node.peer.ping",
                            "seconds"), CHAIN_FINALIZED_LAG("chain.finalized.lag", "blocks"), NODE_MEMPOOL_SIZE(
                                    "node.mempool.size",
                                    "count"), NODE_MEMPOOL_BYTES("node.mempool.bytes", "bytes"), NODE_RPC_LATENCY(
                                            "node.rpc.latency", "seconds"), NODE_SYNCING("node.syncing",
                                                    "boolean"), NODE_RPC_AVAILABLE("node.rpc.available", "boolean");

    /** The producer name every batch of this service carries. */
    public static final String PRODUCER = "chain-watcher";

    private final String metricName;
    private final String unit;

    Metric(String metricName, String unit) {
        this.metricName = metricName;
        this.unit = unit;
    }

    public String metricName() {
        return metricName;
    }

    public String unit() {
        return unit;
    }

    public Sample sample(double value) {
        return new Sample(metricName, value, unit, Map.of());
    }

    public Sample sample(double value, Map<String, String> labels) {
        return new Sample(metricName, value, unit, labels);
    }
}
