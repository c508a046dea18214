package io.chainmonitor.adapters;

import io.chainmonitor.rules.chain.ChainType;

/** Opens the client a chain type's family needs; {@link ChainClients} is the implementation. */
@FunctionalInterface
public interface ChainClientFactory {

    /** A client for the node at {@code endpoint}, speaking the family of {@code chainType}. */
    ChainClient open(ChainType chainType, NodeEndpoint endpoint, ClientSettings settings);
}
