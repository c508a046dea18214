package io.chainmonitor.benchmarks.backfill;

import java.time.Instant;

/**
 * One run of the backfill benchmark: the chain it read, both readers' figures and the verdict against the targets of
 * ARCHITECTURE §8.
 *
 * @param blocks blocks in the measured range, each read once per pass
 * @param transactions transactions sent to the range, and read by each reader in each pass
 * @param receipts receipts read by each reader in each pass (one per transaction)
 * @param window heights per {@code blocks(from, to)} call (the client's batch size)
 * @param chainMonitor {@code EvmChainClient.blocks} with receipts
 * @param ethers the batched ethers v6 script on the same node
 * @param rawJsonRpc the same batches read as plain JSON trees and only counted: the node's own floor, for context
 */
public record BackfillResult(Instant date, int cores, String javaVersion, String anvilVersion, String ethersVersion,
        long blocks, long transactions, long receipts, int window, int warmups, int passes, Statistics chainMonitor,
        Statistics ethers, Statistics rawJsonRpc, double targetBlocksPerSecond, double targetRatio) {

    /** The default targets: at least 300 blocks/s and twice the ethers script. */
    public static final double TARGET_BLOCKS_PER_SECOND = 300;
    public static final double TARGET_RATIO = 2;

    /** Chain Monitor's median over the script's median. */
    public double ratio() {
        return chainMonitor.median() / ethers.median();
    }

    public boolean meetsThroughput() {
        return chainMonitor.median() >= targetBlocksPerSecond;
    }

    public boolean meetsRatio() {
        return ratio() >= targetRatio;
    }

    public boolean passed() {
        return meetsThroughput() && meetsRatio();
    }
}
