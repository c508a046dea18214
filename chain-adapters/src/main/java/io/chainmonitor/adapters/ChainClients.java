package io.chainmonitor.adapters;

import io.chainmonitor.adapters.bitcoin.BitcoinChainClient;
import io.chainmonitor.adapters.evm.EvmChainClient;
import io.chainmonitor.rules.chain.ChainType;

/** Opens the {@link ChainClient} of a chain type's family: web3j for {@code evm}, JSON-RPC for {@code bitcoin}. */
public final class ChainClients implements ChainClientFactory {

    @Override
    public ChainClient open(ChainType chainType, NodeEndpoint endpoint, ClientSettings settings) {
        return switch (chainType.family()) {
            case EVM -> new EvmChainClient(endpoint, settings);
            case BITCOIN -> new BitcoinChainClient(endpoint, settings);
        };
    }
}
