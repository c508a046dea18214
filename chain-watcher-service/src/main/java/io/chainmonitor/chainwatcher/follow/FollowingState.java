package io.chainmonitor.chainwatcher.follow;

/** Where a replica's follower stands. */
public enum FollowingState {
    /** Opening the node and restoring the last processed block. */
    STARTING,
    /** Processing blocks below the node's head (after a start, a gap or a reorg). */
    CATCHING_UP,
    /** At the node's head, waiting for the next block. */
    FOLLOWING,
    /** The node cannot be read; retrying with backoff. */
    BLIND,
    /** No longer followed. */
    STOPPED;
}
