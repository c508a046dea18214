package io.chainmonitor.chainwatcher.metrics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.chainmonitor.adapters.Block;
import io.chainmonitor.adapters.ChainTip;
import io.chainmonitor.events.chain.ChainBlock.Reorg;
import io.chainmonitor.rules.chain.ChainFamily;

/**
 * Everything the metrics of one block are computed from: the block, when it arrived, its parent's time and what the
 * follower and the project's other replicas know about it.
 *
 * @param parentTime the parent block's timestamp, {@code null} for a genesis block or an unknown parent
 * @param reorg set on the first block of a new branch
 * @param orphanCount EVM: blocks dropped by reorgs so far; Bitcoin family: ignored (taken from {@code tips})
 * @param tips the node's chain tips (Bitcoin family), {@code null} where the node has none
 * @param hashrate the node's latest network hashrate estimate, {@code null} where it has none
 * @param difficulty the block's difficulty; see {@link #difficultyOf}
 */
public record BlockObservation(ChainFamily family, Block block, Instant receivedAt, Instant parentTime, int decimals,
        BigDecimal largeThreshold, long bestHeight, Reorg reorg, long orphanCount, List<ChainTip> tips,
        Double hashrate, double difficulty, MinerWindow.Share share, Duration propagationDelay, int tipDivergence,
        int activeAddresses,
        int newAddresses) {

    /**
     * The block's difficulty. The SPI carries it as an integer, which turns the Bitcoin family's fractional
     * difficulties (regtest: 4.66e-10) into 0; a block of such a chain then takes the node's current difficulty
     * ({@code getdifficulty}), which is the tip's, the same while the difficulty does not retarget.
     */
    public static double difficultyOf(Block block, ChainFamily family, Double nodeDifficulty) {
        if (block.difficulty().signum() == 0 && family == ChainFamily.BITCOIN && nodeDifficulty != null) {
            return nodeDifficulty;
        }
        return block.difficulty().doubleValue();
    }
}
