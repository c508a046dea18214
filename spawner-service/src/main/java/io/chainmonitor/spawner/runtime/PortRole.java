package io.chainmonitor.spawner.runtime;

/** What a replica's port serves; each role is a placeholder ({@code {rpcPort}}, …) in launch arguments. */
public enum PortRole {
    RPC("rpcPort"), WS("wsPort"), P2P("p2pPort");

    private final String placeholder;

    PortRole(String placeholder) {
        this.placeholder = placeholder;
    }

    /** The placeholder, with braces, that launch arguments use for this port. */
    public String placeholder() {
        return "{" + placeholder + "}";
    }
}
