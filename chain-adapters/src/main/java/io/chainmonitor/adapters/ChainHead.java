package io.chainmonitor.adapters;

import java.time.Instant;
import java.util.Objects;

/** A node's best block: its height, hash and the time the block header carries. */
public record ChainHead(long height, String hash, Instant timestamp) {

    public ChainHead {
        if (height < 0) {
            throw new IllegalArgumentException("height must not be negative, was " + height);
        }
        Objects.requireNonNull(hash, "hash");
    }
}
