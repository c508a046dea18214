package io.chainmonitor.rules.chain;

/** How a chain type agrees on blocks; written {@code pow} or {@code pos}. */
public enum Consensus {
    /** Proof of work. */
    POW,
    /** Proof of stake. */
    POS
}
