package io.chainmonitor.chainwatcher.reorg;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.chainmonitor.adapters.Block;
import io.chainmonitor.events.chain.ChainBlock.Reorg;

import static org.assertj.core.api.Assertions.assertThat;

class ReorgDetectorTest {

    private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

    private final BlockWindow window = new BlockWindow(8);
    private final Map<String, Block> node = new HashMap<>();

    ReorgDetectorTest() {
        for (long height = 0; height <= 10; height++) {
            window.add(new SeenBlock(height, "a" + height, height == 0 ? null : "a" + (height - 1),
                    T0.plusSeconds(height), "m"));
        }
    }

    @Test
    void aBlockOnOurTipIsNoReorg() {
        assertThat(ReorgDetector.forkOf(block(11, "a11", "a10"), window, this::byHash)).isEmpty();
    }

    @Test
    void theForkIsFoundByWalkingTheNewBranchsParents() {
        block(9, "b9", "a8");
        block(10, "b10", "b9");

        Optional<ReorgDetector.Fork> fork = ReorgDetector.forkOf(block(11, "b11", "b10"), window, this::byHash);

        assertThat(fork).hasValueSatisfying(found -> {
            assertThat(found.forkHeight()).isEqualTo(8);
            assertThat(found.forkHash()).isEqualTo("a8");
            assertThat(found.toReorg("b9")).isEqualTo(new Reorg(2, "a10", 10, "b9", 8, List.of("a9", "a10")));
        });
    }

    @Test
    void aSecondForkBeforeTheFirstIsPublishedKeepsEveryOrphan() {
        block(9, "b9", "a8");
        ReorgDetector.Fork first = ReorgDetector.forkOf(block(10, "b10", "b9"), window, this::byHash).orElseThrow();
        window.truncateFrom(first.forkHeight() + 1);
        block(7, "c7", "a6");
        ReorgDetector.Fork second = ReorgDetector.forkOf(block(8, "c8", "c7"), window, this::byHash).orElseThrow();

        Reorg merged = second.after(first).toReorg("c7");

        assertThat(merged).isEqualTo(new Reorg(4, "a10", 10, "c7", 6, List.of("a7", "a8", "a9", "a10")));
    }

    @Test
    void aForkBelowTheWindowIsReportedAtItsEdge() {
        block(2, "d2", "x1");
        block(3, "d3", "d2");

        Optional<ReorgDetector.Fork> fork = ReorgDetector.forkOf(block(4, "d4", "d3"), window, this::byHash);

        // the window holds heights 3 to 10: everything it holds is orphaned, the fork lies below height 3
        assertThat(fork).hasValueSatisfying(found -> {
            assertThat(found.forkHeight()).isEqualTo(2);
            assertThat(found.forkHash()).isNull();
            assertThat(found.orphaned()).extracting(SeenBlock::hash).containsExactly("a3", "a4", "a5", "a6", "a7",
                    "a8", "a9", "a10");
        });
    }

    private Block block(long height, String hash, String parent) {
        Block block = new Block(height, hash, parent, T0.plusSeconds(height), 100, "m", BigInteger.ZERO, null, null,
                null, List.of(), List.of());
        node.put(hash, block);
        return block;
    }

    private Optional<Block> byHash(String hash) {
        return Optional.ofNullable(node.get(hash));
    }
}
