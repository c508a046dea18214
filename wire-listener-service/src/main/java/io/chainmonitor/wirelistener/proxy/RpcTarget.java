package io.chainmonitor.wirelistener.proxy;

import java.net.URI;
import java.util.function.Supplier;

import io.chainmonitor.rules.chain.RpcCatalog;
import io.chainmonitor.wirelistener.WireListenerProperties.CriticalPolicy;
import io.chainmonitor.wirelistener.listen.ReplicaKey;

/**
 * The node behind one public RPC port and how to treat its callers.
 *
 * @param replica whose node it is
 * @param host the node's own RPC host
 * @param port the node's own RPC port
 * @param authorization the {@code Authorization} header the node needs, or null; callers' own are never passed on
 * @param catalog the methods the chain serves and the critical ones
 * @param bitcoinFamily whether errors are answered the Bitcoin Core way (JSON-RPC 1.0, HTTP 404/500)
 * @param policy what critical calls get, read at each request so that a policy change applies to open connections
 * @param ws the node's own WebSocket endpoint, or null when it has none (upgrades are then refused)
 */
public record RpcTarget(ReplicaKey replica, String host, int port, String authorization, RpcCatalog catalog,
        boolean bitcoinFamily, Supplier<CriticalPolicy> policy, URI ws) {

    /** What critical calls get now. */
    public CriticalPolicy critical() {
        return policy.get();
    }
}
