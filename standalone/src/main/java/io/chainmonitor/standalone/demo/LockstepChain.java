package io.chainmonitor.standalone.demo;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The demo's anvil replicas kept as copies of one chain. Anvil is deterministic: the same genesis timestamp, the same
 * transactions and the same block timestamps give the same blocks, so each block is made on every replica alike
 * ({@code --no-mining}, then {@code evm_mine} with an explicit timestamp) until the demo stages a fork on one of them.
 */
final class LockstepChain {

    /** How far back {@link #align()} looks for a block every replica shares. */
    static final int ALIGN_LIMIT = 256;
    private static final String ONE_FINNEY = "0x38d7ea4c68000";

    private final List<JsonRpc> replicas;
    private final Clock clock;
    private String from;
    private String to;
    private long lastTimestamp;

    LockstepChain(List<JsonRpc> replicas, Clock clock) {
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("a chain needs at least one replica");
        }
        this.replicas = List.copyOf(replicas);
        this.clock = clock;
    }

    /**
     * Rolls every replica back to the highest block they all share (a restart may have left one a block ahead, or a
     * staged fork unhealed), so that lockstep mining starts from equal chains; answers that height.
     */
    long align() throws InterruptedException {
        JsonNode accounts = replicas.getFirst().call("eth_accounts");
        if (accounts.size() < 2) {
            throw new DemoException("anvil offers " + accounts.size() + " dev accounts; the demo needs two");
        }
        from = accounts.get(0).asString();
        to = accounts.get(1).asString();
        long common = Long.MAX_VALUE;
        for (JsonRpc replica : replicas) {
            common = Math.min(common, height(replica));
        }
        int steps = 0;
        while (!sameBlockAt(common)) {
            if (common == 0 || ++steps > ALIGN_LIMIT) {
                throw new DemoException("the replicas share no block in their last " + ALIGN_LIMIT
                        + " heights; delete the demo project's deployment to start them afresh");
            }
            common--;
        }
        rollBackTo(common);
        return common;
    }

    /** The dev account the demo's transfers come from (known after {@link #align()}). */
    String sender() {
        return from;
    }

    /** One transfer in one new block on every replica, all with the same timestamp; answers the new height. */
    long mineBlock() throws InterruptedException {
        long timestamp = Math.max(clock.instant().getEpochSecond(), lastTimestamp + 1);
        long height = -1;
        for (JsonRpc replica : replicas) {
            replica.call("eth_sendTransaction", Map.of("from", from, "to", to, "value", ONE_FINNEY));
            replica.call("evm_mine", timestamp);
            height = height(replica);
        }
        lastTimestamp = timestamp;
        return height;
    }

    /**
     * Replaces the top {@code depth} blocks of one replica with others ({@code anvil_reorg}): that replica reorganises
     * and the others keep their blocks, so the replicas now disagree about those heights.
     */
    void fork(int replica, int depth) throws InterruptedException {
        JsonRpc forked = replicas.get(replica);
        forked.call("anvil_reorg", depth, List.of());
        lastTimestamp = Math.max(lastTimestamp, timestampAt(forked, height(forked)));
    }

    /** Ends a fork: every replica goes back to {@code base}, the last block before it, and lockstep goes on. */
    void heal(long base) throws InterruptedException {
        rollBackTo(base);
    }

    private void rollBackTo(long target) throws InterruptedException {
        for (JsonRpc replica : replicas) {
            long height = height(replica);
            if (height > target) {
                replica.call("anvil_rollback", height - target);
            }
        }
        // Rolled-back blocks may have carried later timestamps; a new block must not go back in time.
        lastTimestamp = Math.max(lastTimestamp, timestampAt(replicas.getFirst(), target));
    }

    private boolean sameBlockAt(long height) throws InterruptedException {
        String first = null;
        for (JsonRpc replica : replicas) {
            String hash = blockAt(replica, height).path("hash").asString();
            if (first == null) {
                first = hash;
            } else if (!first.equals(hash)) {
                return false;
            }
        }
        return true;
    }

    private static long height(JsonRpc replica) throws InterruptedException {
        return Long.decode(replica.call("eth_blockNumber").asString());
    }

    private static long timestampAt(JsonRpc replica, long height) throws InterruptedException {
        return Long.decode(blockAt(replica, height).path("timestamp").asString());
    }

    private static JsonNode blockAt(JsonRpc replica, long height) throws InterruptedException {
        JsonNode block = replica.call("eth_getBlockByNumber", "0x" + Long.toHexString(height), false);
        if (block.isNull() || block.isMissingNode()) {
            throw new DemoException(replica.endpoint() + " has no block " + height);
        }
        return block;
    }
}
