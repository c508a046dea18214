package io.chainmonitor.rules.chain;

/** What the wire listener makes of one RPC method name. */
public enum MethodClass {
    /** Served publicly: passed through. */
    RECOGNIZED,
    /** Changes the node or the chain, moves funds or reveals keys: blocked and reported. */
    CRITICAL,
    /** Not in the catalog: recorded and reported. */
    UNRECOGNIZED
}
