package io.chainmonitor.adapters;

import java.net.URI;

import org.junit.jupiter.api.Test;

import io.chainmonitor.adapters.bitcoin.BitcoinChainClient;
import io.chainmonitor.adapters.evm.EvmChainClient;
import io.chainmonitor.rules.chain.ChainCatalog;
import io.chainmonitor.rules.chain.ChainFamily;

import static org.assertj.core.api.Assertions.assertThat;

class ChainClientsTest {

    private final ChainCatalog catalog = ChainCatalog.builtIn();
    private final NodeEndpoint endpoint = new NodeEndpoint(URI.create("http://127.0.0.1:1/"), null,
            new NodeEndpoint.Credentials.None());

    @Test
    void anvilIsReadByTheEvmClient() {
        try (ChainClient client = new ChainClients().open(catalog.require("anvil"), endpoint,
                ClientSettings.DEFAULTS)) {
            assertThat(client).isInstanceOf(EvmChainClient.class);
            assertThat(client.family()).isEqualTo(ChainFamily.EVM);
            assertThat(client.nativeDecimals()).isEqualTo(18);
        }
    }

    @Test
    void litecoinIsReadByTheBitcoinClient() {
        try (ChainClient client = new ChainClients().open(catalog.require("litecoin"), endpoint,
                ClientSettings.DEFAULTS)) {
            assertThat(client).isInstanceOf(BitcoinChainClient.class);
            assertThat(client.family()).isEqualTo(ChainFamily.BITCOIN);
            assertThat(client.nativeDecimals()).isEqualTo(8);
        }
    }

    @Test
    void everyChainTypeOfTheCatalogGetsAClientOfItsFamily() {
        for (var chainType : catalog.all()) {
            try (ChainClient client = new ChainClients().open(chainType, endpoint, ClientSettings.DEFAULTS)) {
                assertThat(client.family()).as(chainType.id()).isEqualTo(chainType.family());
            }
        }
    }
}
