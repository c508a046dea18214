package io.chainmonitor.rules.chain;

/** A port a replica needs of its own; written {@code rpc}, {@code ws} or {@code p2p}. */
public enum PortRole {
    /** JSON-RPC over HTTP: {rpcPort}. */
    RPC,
    /** JSON-RPC over WebSocket on a port of its own: {wsPort}. */
    WS,
    /** The peer-to-peer protocol: {p2pPort}. */
    P2P
}
