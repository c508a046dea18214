package io.chainmonitor.rules.chain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class BuiltInCatalogTest {

    private final ChainCatalog catalog = ChainCatalog.builtIn();

    @Test
    void builtInCatalogHoldsTheFourChainTypesSortedByIdWithTheirFamilyConsensusAndRulePack() {
        assertThat(catalog.ids()).containsExactly("anvil", "bitcoin", "ethereum", "litecoin");
        assertThat(catalog.all()).extracting(ChainType::id, ChainType::family, ChainType::consensus,
                ChainType::rulePack).containsExactly(
                        tuple("anvil", ChainFamily.EVM, Consensus.POS, "pos"),
                        tuple("bitcoin", ChainFamily.BITCOIN, Consensus.POW, "pow"),
                        tuple("ethereum", ChainFamily.EVM, Consensus.POS, "pos"),
                        tuple("litecoin", ChainFamily.BITCOIN, Consensus.POW, "pow"));
    }

    @Test
    void eachChainTypeNamesTheProgramItLaunches() {
        assertThat(catalog.all()).extracting(type -> type.node().executable())
                .containsExactly("anvil", "bitcoind", "geth", "litecoind");
    }

    @Test
    void anvilHasNoP2pPortAndServesWebSocketOnItsRpcPort() {
        ChainType anvil = catalog.require("anvil");

        assertThat(anvil.p2p()).isNull();
        assertThat(anvil.node().ports()).containsExactly(PortRole.RPC);
        assertThat(anvil.node().websocket()).isEqualTo(WebSocketEndpoint.RPC_PORT);
        assertThat(anvil.node().peerArgument()).isNull();
        assertThat(anvil.node().network()).isNull();
        assertThat(anvil.node().readiness()).isEqualTo(
                new Readiness("eth_blockNumber", java.util.List.of(), Duration.ofSeconds(30)));
    }

    @Test
    void ethereumRunsOnTheDevNetworkByDefaultAndSpeaksRlpx() {
        ChainType ethereum = catalog.require("ethereum");

        assertThat(ethereum.node().network().defaultValue()).isEqualTo("dev");
        assertThat(ethereum.node().ports()).containsExactlyInAnyOrder(PortRole.RPC, PortRole.WS, PortRole.P2P);
        assertThat(ethereum.p2p().kind()).isEqualTo(HandshakeKind.RLPX);
        assertThat(ethereum.p2p().magicFor("mainnet")).isEmpty();
    }

    @Test
    void bitcoinFamilyMagicDiffersByNetworkAndTheDefaultIsRegtest() {
        P2pHandshake bitcoin = catalog.require("bitcoin").p2p();
        P2pHandshake litecoin = catalog.require("litecoin").p2p();

        assertThat(bitcoin.kind()).isEqualTo(HandshakeKind.BITCOIN_MAGIC);
        assertThat(bitcoin.magicFor("main")).hasValue("f9beb4d9");
        assertThat(bitcoin.magicFor("test")).hasValue("0b110907");
        assertThat(bitcoin.magicFor("regtest")).hasValue("fabfb5da");
        assertThat(litecoin.magicFor("main")).hasValue("fbc0b6db");
        assertThat(litecoin.magicFor("test")).hasValue("fdd2c8f1");
        assertThat(litecoin.magicFor("signet")).isEmpty();
        assertThat(catalog.require("litecoin").node().network().defaultValue()).isEqualTo("regtest");
        assertThat(litecoin.magicHex()).isEqualTo("fabfb5da");
    }

    @Test
    void bitcoinFamilyNodesAuthenticateRpcWithAUserAndPasswordAndPeerByAddnode() {
        assertThat(Stream.of("bitcoin", "litecoin").map(catalog::require)).allSatisfy(type -> {
            assertThat(type.node().rpcAuth()).isEqualTo(RpcAuth.USER_PASSWORD);
            assertThat(type.node().peerArgument()).isEqualTo("-addnode={peerHost}:{peerP2pPort}");
            assertThat(type.node().readiness().method()).isEqualTo("getblockchaininfo");
            assertThat(type.metrics()).contains("chain.hashrate", "chain.difficulty", "chain.miner.share");
        });
    }

    @Test
    void everyChainTypeReportsHeightBlockIntervalAndReorgDepth() {
        assertThat(catalog.all()).allSatisfy(type -> assertThat(type.metrics()).contains("chain.height",
                "chain.block.interval", "chain.reorg.depth"));
    }

    @Test
    void requireOfAnUnknownIdNamesTheValidIds() {
        assertThatThrownBy(() -> catalog.require("dogecoin")).isInstanceOfSatisfying(UnknownChainTypeException.class,
                e -> {
                    assertThat(e.id()).isEqualTo("dogecoin");
                    assertThat(e.validIds()).containsExactly("anvil", "bitcoin", "ethereum", "litecoin");
                    assertThat(e).hasMessage(
                            "unknown chain type 'dogecoin'; valid chain types: anvil, bitcoin, ethereum, litecoin");
                });
    }

    @Test
    void findReturnsEmptyForAnUnknownOrNullId() {
        assertThat(catalog.find("dogecoin")).isEmpty();
        assertThat(catalog.find(null)).isEmpty();
        assertThat(catalog.find("litecoin")).map(ChainType::name).hasValue("Litecoin (litecoind)");
    }

    @Test
    void theIndexListsEveryBundledFileAndEachFileIsNamedAfterItsId() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/chains"))) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".yaml")))
                    .containsExactlyInAnyOrderElementsOf(ChainFiles.BUNDLED.stream().map(id -> id + ".yaml").toList());
        }
        assertThat(ChainCatalog.builtInSources()).extracting(ChainSource::name)
                .allSatisfy(name -> assertThat(name).endsWith(".yaml"));
        assertThat(catalog.ids()).containsExactlyElementsOf(ChainFiles.BUNDLED);
    }
}
