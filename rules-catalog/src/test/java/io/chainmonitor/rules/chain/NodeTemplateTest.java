package io.chainmonitor.rules.chain;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeTemplateTest {

    private static final Map<String, String> VALUES = Map.of("rpcPort", "19443", "p2pPort", "19444", "dataDir",
            "/var/lib/cm/r-1", "rpcUser", "cm", "rpcPassword", "s3cret");

    private final ChainCatalog catalog = ChainCatalog.builtIn();

    @Test
    void litecoinArgumentsRenderWithEveryPlaceholderReplacedAndRegtestAsTheDefaultNetwork() {
        List<String> arguments = catalog.require("litecoin").node().render(VALUES);

        assertThat(arguments).containsExactly("-chain=regtest", "-datadir=/var/lib/cm/r-1", "-server=1", "-listen=1",
                "-bind=127.0.0.1:19444", "-bind=127.0.0.1:19444=onion", "-port=19444", "-rpcbind=127.0.0.1",
                "-rpcallowip=127.0.0.1", "-rpcport=19443", "-rpcuser=cm", "-rpcpassword=s3cret", "-printtoconsole",
                "-dnsseed=0", "-listenonion=0", "-discover=0", "-upnp=0", "-fallbackfee=0.0001");
    }

    @Test
    void peersAreAppendedOneArgumentEach() {
        List<String> arguments = catalog.require("bitcoin").node().render(VALUES,
                List.of(new PeerAddress("127.0.0.1", 19454), new PeerAddress("10.0.0.7", 18444)));

        assertThat(arguments).endsWith("-addnode=127.0.0.1:19454", "-addnode=10.0.0.7:18444");
        assertThat(arguments).contains("-chain=regtest");
    }

    @Test
    void anExplicitAllowedNetworkReplacesTheDefault() {
        Map<String, String> values = new java.util.HashMap<>(VALUES);
        values.put("network", "main");

        assertThat(catalog.require("litecoin").node().render(values)).first().isEqualTo("-chain=main");
    }

    @Test
    void aNetworkTheChainTypeDoesNotAllowIsRefused() {
        Map<String, String> values = new java.util.HashMap<>(VALUES);
        values.put("network", "signet");

        assertThatThrownBy(() -> catalog.require("litecoin").node().render(values))
                .isInstanceOfSatisfying(ChainCatalogException.class,
                        e -> assertThat(e.reason()).isEqualTo(ChainCatalogException.Reason.MISSING_VALUE))
                .hasMessageContaining("network 'signet' is not allowed; allowed networks: main, test, regtest");
    }

    @Test
    void aMissingValueIsRefusedNamingThePlaceholder() {
        Map<String, String> values = new java.util.HashMap<>(VALUES);
        values.remove("rpcPassword");

        assertThatThrownBy(() -> catalog.require("litecoin").node().render(values))
                .isInstanceOfSatisfying(ChainCatalogException.class,
                        e -> assertThat(e.reason()).isEqualTo(ChainCatalogException.Reason.MISSING_VALUE))
                .hasMessage("litecoind: no value for {rpcPassword} in argument '-rpcpassword={rpcPassword}'");
    }

    @Test
    void anvilRendersItsPortAndStateFileAndCannotBePeered() {
        NodeTemplate anvil = catalog.require("anvil").node();

        assertThat(anvil.render(Map.of("rpcPort", "8545", "dataDir", "/data/r-1"))).containsExactly("--host",
                "127.0.0.1", "--port", "8545", "--state", "/data/r-1/state.json");
        assertThatThrownBy(() -> anvil.renderPeer(new PeerAddress("127.0.0.1", 30303)))
                .isInstanceOf(ChainCatalogException.class).hasMessageContaining("cannot be peered");
    }

    @Test
    void gethRendersTheNetworkAsAFlagAndItsOwnWebSocketPort() {
        List<String> arguments = catalog.require("ethereum").node()
                .render(Map.of("rpcPort", "8545", "wsPort", "8546", "p2pPort", "30303", "dataDir", "/data/r-1"));

        assertThat(arguments).startsWith("--dev").containsSequence("--ws.port", "8546")
                .containsSequence("--http.port", "8545").containsSequence("--port", "30303");
    }

    @Test
    void valuesAreInsertedLiterallyEvenWithRegexCharacters() {
        Map<String, String> values = new java.util.HashMap<>(VALUES);
        values.put("rpcPassword", "a$1\\b");

        assertThat(catalog.require("litecoin").node().render(values)).contains("-rpcpassword=a$1\\b");
    }

    @Test
    void theShortConstructorDerivesTheWebSocketEndpointFromThePorts() {
        Readiness readiness = new Readiness("eth_blockNumber", List.of(), java.time.Duration.ofSeconds(5));
        NodeTemplate withWs = new NodeTemplate("geth", List.of("--ws.port", "{wsPort}"), null,
                java.util.Set.of(PortRole.RPC, PortRole.WS), RpcAuth.NONE, readiness);
        NodeTemplate withoutWs = new NodeTemplate("anvil", List.of("--port", "{rpcPort}"), null,
                java.util.Set.of(PortRole.RPC), RpcAuth.NONE, readiness);

        assertThat(withWs.websocket()).isEqualTo(WebSocketEndpoint.WS_PORT);
        assertThat(withoutWs.websocket()).isEqualTo(WebSocketEndpoint.NONE);
        assertThat(withoutWs.network()).isNull();
    }
}
