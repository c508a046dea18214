package io.chainmonitor.rules.chain;

import com.fasterxml.jackson.annotation.JsonValue;

/** A port a replica needs of its own; written {@code rpc}, {@code ws} or {@code p2p}. */
public enum PortRole {
    /** JSON-RPC over HTTP: {rpcPort}. */
    RPC,
    /** JSON-RPC over WebSocket on a port of its own: {wsPort}. */
    WS,
    /** The peer-to-peer protocol: {p2pPort}. */
    P2P;

    /** The name used in chain type files and in JSON, e.g. {@code p2p}. */
    @JsonValue
    public String value() {
        return YamlFields.yamlName(this);
    }
}
