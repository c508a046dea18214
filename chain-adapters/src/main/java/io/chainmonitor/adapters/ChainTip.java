package io.chainmonitor.adapters;

import java.util.Objects;

/** The tip of one branch the node knows, as Bitcoin Core's {@code getchaintips} reports it. */
public record ChainTip(long height, String hash, int branchLength, Status status) {

    public ChainTip {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(status, "status");
    }

    /** How the node regards the branch. */
    public enum Status {
        /** The node's current chain. */
        ACTIVE,
        /** Fully validated but not the best chain: blocks there are orphans. */
        VALID_FORK,
        /** All blocks available, not fully validated. */
        VALID_HEADERS,
        /** Headers only. */
        HEADERS_ONLY,
        /** The branch holds an invalid block. */
        INVALID
    }
}
