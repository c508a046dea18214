package io.chainmonitor.adapters;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.chainmonitor.rules.chain.ChainFamily;

/**
 * Reads one node: its best block, blocks with their transactions, fork tips and status. Implementations are
 * thread-safe, batch their requests and bound how many run at once; every failure is a {@link ChainClientException}
 * whose {@link ChainClientException.Reason} says whether trying again may help.
 */
public interface ChainClient extends AutoCloseable {

    /** The family this client speaks. */
    ChainFamily family();

    /** Decimal places of the chain's native unit: 18 for wei → ether, 8 for satoshi → coin. */
    int nativeDecimals();

    /** The node's best block now. */
    ChainHead head();

    /**
     * The blocks of the node's current chain from {@code fromHeight} to {@code toHeight}, both included, in height
     * order, with full transactions (and, for EVM, the receipts' fees and created contracts). Fetched in batches no
     * larger than the client's batch size. A height above the node's head is a {@code REJECTED} failure.
     */
    List<Block> blocks(long fromHeight, long toHeight);

    /** One block by hash, also when it is no longer on the node's current chain (if the node still has it). */
    Optional<Block> blockByHash(String hash);

    /** The tips of every branch the node knows (Bitcoin family {@code getchaintips}); empty where the node has none. */
    List<ChainTip> chainTips();

    /** Peers, mempool, sync state and network figures, sampled now. */
    NodeStatus status();

    /** The round trip of one cheap RPC call. */
    Duration ping();

    /**
     * Tells {@code listener} of every new best block: from a WebSocket {@code newHeads} subscription where the node
     * has one, otherwise by polling at the client's poll interval. Heads may skip heights and may repeat; callers
     * backfill from their last processed height. Closing the returned handle stops the notifications.
     */
    HeadSubscription subscribeHeads(HeadListener listener);

    /** Releases connections and threads. */
    @Override
    void close();

    /** Receives new heads and the failures of the subscription; called on a client thread, never concurrently. */
    interface HeadListener {

        /** A new best block. */
        void onHead(ChainHead head);

        /**
         * The subscription failed (connection dropped, node answered garbage). The client keeps trying on its own
         * (falling back to polling when a WebSocket drops) until the subscription is closed.
         */
        void onError(ChainClientException failure);
    }

    /** A running head subscription. */
    interface HeadSubscription extends AutoCloseable {

        /** {@code true} while heads arrive over a push subscription, {@code false} while polling. */
        boolean pushing();

        @Override
        void close();
    }
}
