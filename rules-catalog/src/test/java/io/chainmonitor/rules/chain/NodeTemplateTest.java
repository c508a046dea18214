package io.chainmonitor.rules.chain;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeTemplateTest {

    private static final Map<String, String> VALUES = Map.of("rpcPort", "19443", "p2pPort", "19444", "dataDir",
            "/var/lib/cm/r-1", "rpcUser", "cm", "rpcPassword", "s3cret", "bindHost", "127.0.0.1", "rpcAllowFrom",
            "127.0.0.1");

    private final ChainCatalog catalog = ChainCatalog.builtIn();

    private static Map<String, String> with(String key, String value) {
        Map<String, String> values = new HashMap<>(VALUES);
        values.put(key, value);
        return values;
    }

    @Test
    void litecoinArgumentsRenderWithEveryPlaceholderReplacedAndRegtestAsTheDefaultNetwork() {
        List<String> arguments = catalog.require("litecoin").node().render(VALUES);

        assertThat(arguments).containsExactly("-chain=regtest", "-datadir=/var/lib/cm/r-1", "-server=1", "-listen=1",
                "-bind=127.0.0.1:19444", "-bind=127.0.0.1:19444=onion", "-port=19444", "-rpcbind=127.0.0.1",
                "-rpcallowip=127.0.0.1", "-rpcport=19443", "-conf=/var/lib/cm/r-1/litecoin.conf", "-printtoconsole",
                "-dnsseed=0", "-listenonion=0", "-discover=0", "-upnp=0", "-fallbackfee=0.0001", "-txindex=1",
                "-maxtipage=2000000000");
    }

    @Test
    void litecoinCredentialsGoToItsConfigurationFileAndNeverToTheCommandLine() {
        NodeTemplate litecoin = catalog.require("litecoin").node();

        assertThat(litecoin.configFile().name()).isEqualTo("litecoin.conf");
        assertThat(litecoin.renderConfigFile(VALUES)).containsExactly("rpcuser=cm", "rpcpassword=s3cret");
        assertThat(String.join(" ", litecoin.render(VALUES))).doesNotContain("s3cret");
    }

    @Test
    void regtestArgumentsAreLeftOutOnOtherNetworks() {
        NodeTemplate litecoin = catalog.require("litecoin").node();

        assertThat(litecoin.render(with("network", "main"))).doesNotContain("-maxtipage=2000000000");
        assertThat(catalog.require("anvil").node().renderConfigFile(VALUES)).isEmpty();
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
        assertThat(catalog.require("litecoin").node().render(with("network", "main"))).first().isEqualTo("-chain=main");
    }

    @Test
    void aNetworkTheChainTypeDoesNotAllowIsRefused() {
        assertThatThrownBy(() -> catalog.require("litecoin").node().render(with("network", "signet")))
                .isInstanceOfSatisfying(ChainCatalogException.class,
                        e -> assertThat(e.reason()).isEqualTo(ChainCatalogException.Reason.MISSING_VALUE))
                .hasMessageContaining("network 'signet' is not allowed; allowed networks: main, test, regtest");
    }

    @Test
    void aMissingValueIsRefusedNamingThePlaceholder() {
        Map<String, String> values = new HashMap<>(VALUES);
        values.remove("rpcPassword");

        assertThatThrownBy(() -> catalog.require("litecoin").node().renderConfigFile(values))
                .isInstanceOfSatisfying(ChainCatalogException.class,
                        e -> assertThat(e.reason()).isEqualTo(ChainCatalogException.Reason.MISSING_VALUE))
                .hasMessage("litecoind: no value for {rpcPassword} in argument 'rpcpassword={rpcPassword}'");
    }

    @Test
    void anvilRendersItsPortAndStateFileAndCannotBePeered() {
        NodeTemplate anvil = catalog.require("anvil").node();

        assertThat(anvil.render(Map.of("rpcPort", "8545", "dataDir", "/data/r-1", "bindHost", "127.0.0.1")))
                .containsExactly("--host", "127.0.0.1", "--port", "8545", "--state", "/data/r-1/state.json");
        assertThatThrownBy(() -> anvil.renderPeer(new PeerAddress("127.0.0.1", 30303)))
                .isInstanceOf(ChainCatalogException.class).hasMessageContaining("cannot be peered");
    }

    @Test
    void gethRendersTheNetworkAsAFlagAndItsOwnWebSocketPort() {
        List<String> arguments = catalog.require("ethereum").node()
                .render(Map.of("rpcPort", "8545", "wsPort", "8546", "p2pPort", "30303", "dataDir", "/data/r-1",
                        "bindHost", "0.0.0.0"));

        assertThat(arguments).startsWith("--dev").containsSequence("--http.addr", "0.0.0.0")
                .containsSequence("--ws.addr", "0.0.0.0").containsSequence("--ws.port", "8546")
                .containsSequence("--http.port", "8545").containsSequence("--port", "30303");
    }

    @Test
    void valuesAreInsertedLiterallyEvenWithRegexCharacters() {
        assertThat(catalog.require("litecoin").node().renderConfigFile(with("rpcPassword", "a$1\\b")))
                .contains("rpcpassword=a$1\\b");
    }

    @Test
    void theShortConstructorDerivesTheWebSocketEndpointFromThePorts() {
        Readiness readiness = new Readiness("eth_blockNumber", List.of(), Duration.ofSeconds(5));
        NodeTemplate withWs = new NodeTemplate("geth", List.of("--ws.port", "{wsPort}"), null,
                Set.of(PortRole.RPC, PortRole.WS), RpcAuth.NONE, readiness);
        NodeTemplate withoutWs = new NodeTemplate("anvil", List.of("--port", "{rpcPort}"), null,
                Set.of(PortRole.RPC), RpcAuth.NONE, readiness);

        assertThat(withWs.websocket()).isEqualTo(WebSocketEndpoint.WS_PORT);
        assertThat(withoutWs.websocket()).isEqualTo(WebSocketEndpoint.NONE);
        assertThat(withoutWs.network()).isNull();
    }
}
