package io.chainmonitor.chainwatcher.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.chainmonitor.adapters.Block;
import io.chainmonitor.adapters.ChainTip;
import io.chainmonitor.adapters.Transaction;
import io.chainmonitor.events.chain.MetricBatch.Sample;
import io.chainmonitor.rules.chain.ChainFamily;

/** The samples of one block's metric batch, as the metric vocabulary defines them. */
public final class BlockMetrics {

    private BlockMetrics() {
    }

    public static List<Sample> samples(BlockObservation seen) {
        Block block = seen.block();
        boolean evm = seen.family() == ChainFamily.EVM;
        TransactionFigures figures = TransactionFigures.of(block, seen.decimals(), seen.largeThreshold());
        List<Sample> samples = new ArrayList<>();
        samples.add(Metric.CHAIN_HEIGHT.sample(block.height()));
        if (seen.parentTime() != null) {
            samples.add(Metric.BLOCK_INTERVAL.sample(seconds(Duration.between(seen.parentTime(), block.timestamp()))));
        }
        samples.add(Metric.HEAD_AGE.sample(seconds(Duration.between(block.timestamp(), seen.receivedAt()))));
        samples.add(Metric.BLOCK_TRANSACTIONS.sample(figures.transactions()));
        samples.add(Metric.BLOCK_SIZE.sample(block.sizeBytes()));
        if (block.gasUsed() != null && block.gasLimit() != null && block.gasLimit() > 0) {
            samples.add(Metric.GAS_USED_RATIO.sample((double) block.gasUsed() / block.gasLimit()));
        }
        if (block.baseFeePerGas() != null) {
            samples.add(Metric.BASE_FEE.sample(block.baseFeePerGas().doubleValue()));
        }
        samples.add(Metric.BLOCK_FEES.sample(figures.fees().doubleValue()));
        samples.add(Metric.TX_AVG_FEE.sample(figures.averageFee().doubleValue()));
        samples.add(Metric.TX_VALUE_TOTAL.sample(figures.valueTotal().doubleValue()));
        samples.add(Metric.TX_LARGE_COUNT.sample(figures.largeCount()));
        samples.add(Metric.TX_LARGE_VALUE_MAX.sample(figures.largestValue().doubleValue()));
        samples.add(Metric.DIFFICULTY.sample(seen.difficulty()));
        if (seen.hashrate() != null) {
            samples.add(Metric.HASHRATE.sample(seen.hashrate()));
        }
        Map<String, String> producer = Map.of("producer", seen.share().producer());
        samples.add(Metric.MINER_SHARE.sample(seen.share().share(), producer));
        samples.add(Metric.MINER_CONSECUTIVE.sample(seen.share().consecutive(), producer));
        samples.add(Metric.PROPAGATION_DELAY.sample(seconds(seen.propagationDelay())));
        if (seen.reorg() != null) {
            samples.add(Metric.REORG_DEPTH.sample(seen.reorg().depth()));
            samples.add(Metric.REORG_COUNT.sample(1));
        }
        samples.add(Metric.ORPHAN_COUNT.sample(seen.tips() == null ? seen.orphanCount() : orphansOf(seen.tips())));
        if (evm) {
            samples.add(Metric.UNCLE_COUNT.sample(block.uncleHashes().size()));
        }
        if (seen.tips() != null) {
            samples.add(Metric.TIPS.sample(seen.tips().size()));
        }
        samples.add(Metric.TIP_DIVERGENCE.sample(seen.tipDivergence()));
        samples.add(Metric.BLOCKS_BEHIND.sample(Math.max(0, seen.bestHeight() - block.height())));
        if (evm) {
            samples.add(Metric.CONTRACTS_DEPLOYED.sample(figures.contractsDeployed()));
            samples.add(Metric.CONTRACTS_CALLS.sample(figures.contractCalls()));
        }
        samples.add(Metric.ADDRESSES_ACTIVE.sample(seen.activeAddresses()));
        samples.add(Metric.ADDRESSES_NEW.sample(seen.newAddresses()));
        return samples;
    }

    /** The distinct addresses a block's transactions send from, pay to or create (coinbase payouts included). */
    public static Set<String> activeAddresses(Block block) {
        Set<String> addresses = new LinkedHashSet<>();
        for (Transaction tx : block.transactions()) {
            addresses.addAll(tx.from());
            addresses.addAll(tx.to());
            if (tx.contractCreated() != null) {
                addresses.add(tx.contractCreated());
            }
        }
        return addresses;
    }

    /** Blocks on the fully validated branches the node does not follow: its orphans. */
    public static long orphansOf(List<ChainTip> tips) {
        return tips.stream().filter(tip -> tip.status() == ChainTip.Status.VALID_FORK)
                .mapToLong(ChainTip::branchLength).sum();
    }

    static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
