package io.chainmonitor.rules.chain;

import java.util.List;
import java.util.Objects;

/**
 * One chain type of the catalog: what it is (family, consensus), how to launch it, what its RPC port serves, how its
 * P2P connections start ({@code null} when the node has no P2P port, e.g. anvil), the metrics the chain watcher
 * publishes for it and its default rule pack ({@code pow} or {@code pos}).
 */
public record ChainType(String id, String name, ChainFamily family, Consensus consensus, NodeTemplate node,
        RpcCatalog rpc, P2pHandshake p2p, List<String> metrics, String rulePack) {

    public ChainType {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(consensus, "consensus");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(rpc, "rpc");
        metrics = List.copyOf(metrics);
        Objects.requireNonNull(rulePack, "rulePack");
    }
}
