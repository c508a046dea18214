package io.chainmonitor.rules.chain;

/** How the node's RPC port authenticates callers; written {@code none} or {@code user-password}. */
public enum RpcAuth {
    /** No credentials: the port is only ever bound to loopback behind the wire listener. */
    NONE,
    /** HTTP basic credentials the spawner generates per replica: {rpcUser} and {rpcPassword}. */
    USER_PASSWORD
}
