package io.chainmonitor.chainwatcher.reorg;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.chainmonitor.adapters.Block;
import io.chainmonitor.events.chain.ChainBlock.Reorg;

/**
 * Finds where a block's branch leaves the branch a replica followed so far, by walking the new branch's parents back
 * until one of them is a block of the window.
 */
public final class ReorgDetector {

    private ReorgDetector() {
    }

    /**
     * The fork of {@code candidate}'s branch from the window's branch, or empty when {@code candidate} extends the
     * window's tip (or the window is empty). {@code byHash} looks up the new branch's ancestors on the node. When no
     * ancestor within the window matches, the fork is reported just below the window (the deepest we can see).
     */
    public static Optional<Fork> forkOf(Block candidate, BlockWindow window, Function<String, Optional<Block>> byHash) {
        Optional<SeenBlock> tip = window.tip();
        if (tip.isEmpty()) {
            return Optional.empty();
        }
        if (candidate.height() == tip.get().height() + 1 && tip.get().hash().equals(candidate.parentHash())) {
            return Optional.empty();
        }
        Optional<SeenBlock> same = window.at(candidate.height());
        if (same.isPresent() && same.get().hash().equals(candidate.hash())
                && candidate.height() == tip.get().height()) {
            return Optional.empty();
        }
        Block cursor = candidate;
        long lowest = window.lowestHeight();
        while (cursor.height() - 1 >= lowest) {
            long parentHeight = cursor.height() - 1;
            Optional<SeenBlock> ours = window.at(parentHeight);
            if (ours.isPresent() && ours.get().hash().equals(cursor.parentHash())) {
                List<SeenBlock> orphaned = window.above(parentHeight);
                return orphaned.isEmpty()
                        ? Optional.empty()
                        : Optional.of(new Fork(parentHeight, ours.get().hash(), orphaned));
            }
            if (cursor.parentHash() == null || parentHeight == lowest) {
                break;
            }
            String parent = cursor.parentHash();
            cursor = byHash.apply(parent)
                    .orElseThrow(() -> new IllegalStateException("the node no longer has block " + parent
                            + " of its own current branch"));
        }
        return Optional.of(new Fork(lowest - 1, null, window.above(lowest - 1)));
    }

    /**
     * Where two branches part: the last shared block and the blocks of the old branch above it, lowest first.
     *
     * @param forkHash {@code null} when the fork lies below the window
     */
    public record Fork(long forkHeight, String forkHash, List<SeenBlock> orphaned) {

        public Fork {
            orphaned = List.copyOf(orphaned);
        }

        /** The reorg as the first block of the new branch ({@code newTipHash}) reports it. */
        public Reorg toReorg(String newTipHash) {
            SeenBlock oldTip = orphaned.getLast();
            return new Reorg(orphaned.size(), oldTip.hash(), oldTip.height(), newTipHash, forkHeight,
                    orphaned.stream().map(SeenBlock::hash).toList());
        }

        /**
         * This fork found while an earlier one was not yet published: the earlier one's orphans stay orphaned, and
         * the blocks between the two forks are orphaned too.
         */
        public Fork after(Fork earlier) {
            List<SeenBlock> all = new ArrayList<>(orphaned);
            earlier.orphaned().stream().filter(block -> block.height() > forkHeight).forEach(block -> {
                all.removeIf(existing -> existing.height() == block.height());
                all.add(block);
            });
            all.sort(java.util.Comparator.comparingLong(SeenBlock::height));
            return new Fork(forkHeight, forkHash, all);
        }
    }
}
