package io.chainmonitor.rules.chain;

/** Where a node serves JSON-RPC over WebSocket; written {@code none}, {@code rpc-port} or {@code ws-port}. */
public enum WebSocketEndpoint {
    /** No WebSocket endpoint (the bitcoin family). */
    NONE,
    /** On the RPC port itself, upgraded from HTTP (anvil). */
    RPC_PORT,
    /** On a port of its own, {wsPort} (geth). */
    WS_PORT
}
