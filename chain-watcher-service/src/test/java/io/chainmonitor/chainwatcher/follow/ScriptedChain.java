package io.chainmonitor.chainwatcher.follow;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.chainmonitor.adapters.Block;
import io.chainmonitor.adapters.ChainClient;
import io.chainmonitor.adapters.ChainClientException;
import io.chainmonitor.adapters.ChainHead;
import io.chainmonitor.adapters.ChainTip;
import io.chainmonitor.adapters.NodeStatus;
import io.chainmonitor.adapters.Transaction;
import io.chainmonitor.rules.chain.ChainFamily;

/**
 * A chain the test writes block by block, served through the {@code ChainClient} SPI: mining, branch switches and
 * failures of the node on demand. Every block ever made stays reachable by hash, as on a real node.
 */
final class ScriptedChain implements ChainClient {

    private final ChainFamily family;
    private final List<Block> canonical = new ArrayList<>();
    private final Map<String, Block> byHash = new HashMap<>();
    private final AtomicInteger branch = new AtomicInteger();
    private final AtomicInteger blockCalls = new AtomicInteger();
    private volatile ChainClientException failure;
    private volatile HeadListener listener;
    private final Instant genesisTime = Instant.parse("2026-11-22T00:00:00Z");

    ScriptedChain(ChainFamily family) {
        this.family = family;
        mine(1, "miner-a");
    }

    /** Adds {@code count} blocks by {@code producer} on top of the current branch, each with one transfer. */
    synchronized List<Block> mine(int count, String producer) {
        List<Block> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long height = canonical.size();
            Block parent = height == 0 ? null : canonical.getLast();
            String hash = "0x" + branch.get() + "h" + height;
            Transaction tx = new Transaction("0xtx" + hash, List.of("0xfrom" + height), List.of("0xto"),
                    BigInteger.TEN.pow(18), BigInteger.valueOf(21_000L * 1_000_000_000L), false, null, false, true,
                    110);
            Block block = new Block(height, hash, parent == null ? null : parent.hash(),
                    genesisTime.plusSeconds(12 * height), 600, producer, BigInteger.ZERO, 21_000L, 30_000_000L,
                    BigInteger.valueOf(1_000_000_000L), List.of(), List.of(tx));
            canonical.add(block);
            byHash.put(hash, block);
            made.add(block);
        }
        HeadListener current = listener;
        if (current != null) {
            current.onHead(canonical.getLast().head());
        }
        return made;
    }

    /** Drops the top {@code depth} blocks and mines {@code count} others on a new branch, as anvil_reorg does. */
    synchronized List<Block> reorg(int depth, int count, String producer) {
        for (int i = 0; i < depth; i++) {
            canonical.removeLast();
        }
        branch.incrementAndGet();
        return mine(count, producer);
    }

    synchronized Block at(long height) {
        return canonical.get((int) height);
    }

    /** Every call fails with {@code failure} until {@link #heal()}. */
    void fail(ChainClientException failure) {
        this.failure = failure;
    }

    void heal() {
        this.failure = null;
        HeadListener current = listener;
        if (current != null) {
            current.onHead(head());
        }
    }

    int blockCalls() {
        return blockCalls.get();
    }

    private void check(String method) {
        ChainClientException current = failure;
        if (current != null) {
            throw current;
        }
    }

    @Override
    public ChainFamily family() {
        return family;
    }

    @Override
    public int nativeDecimals() {
        return family == ChainFamily.EVM ? 18 : 8;
    }

    @Override
    public synchronized ChainHead head() {
        check("head");
        return canonical.getLast().head();
    }

    @Override
    public synchronized List<Block> blocks(long fromHeight, long toHeight) {
        check("blocks");
        blockCalls.incrementAndGet();
        if (toHeight >= canonical.size()) {
            throw new ChainClientException.Rejected("blocks", -1, "height " + toHeight + " is above the head", null);
        }
        return List.copyOf(canonical.subList((int) fromHeight, (int) toHeight + 1));
    }

    @Override
    public synchronized Optional<Block> blockByHash(String hash) {
        check("blockByHash");
        return Optional.ofNullable(byHash.get(hash));
    }

    @Override
    public List<ChainTip> chainTips() {
        check("chainTips");
        return List.of();
    }

    @Override
    public NodeStatus status() {
        check("status");
        return new NodeStatus(Instant.now(), "scripted", 0, List.of(), false, 0L, null, null, null, null);
    }

    @Override
    public Duration ping() {
        check("ping");
        return Duration.ofMillis(1);
    }

    @Override
    public HeadSubscription subscribeHeads(HeadListener headListener) {
        check("subscribe");
        this.listener = headListener;
        return new HeadSubscription() {

            @Override
            public boolean pushing() {
                return true;
            }

            @Override
            public void close() {
                listener = null;
            }
        };
    }

    @Override
    public void close() {
        listener = null;
    }
}
