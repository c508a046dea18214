package io.chainmonitor.rules.chain;

/** How the wire listener recognizes the first bytes of a P2P connection; written {@code bitcoin-magic} or {@code rlpx}. */
public enum HandshakeKind {
    /** Every message starts with the network's four magic bytes. */
    BITCOIN_MAGIC,
    /** Ethereum's encrypted RLPx handshake: an auth message, no magic. */
    RLPX
}
