package io.chainmonitor.rules.chain;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.chainmonitor.rules.chain.ChainCatalogException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every way a chain type file can be wrong fails with a reason and a message naming file, line, column and key. */
class ChainFileErrorsTest {

    private static final String LITECOIN = ChainFiles.text("litecoin");

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsRefusedNamingFileLineAndKey(String what, String from, String to, String lineFragment,
            Reason reason, String key, String problem) {
        assertThat(LITECOIN).contains(from);
        String yaml = LITECOIN.replace(from, to);
        int line = ChainFiles.lineOf(yaml, lineFragment);

        assertThatThrownBy(() -> ChainFiles.load("litecoin.yaml", yaml))
                .isInstanceOfSatisfying(ChainCatalogException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).matches(
                            "litecoin\\.yaml:" + line + ":\\d+: " + Pattern.quote(key) + ": .*");
                    assertThat(e.getMessage()).contains(problem);
                });
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("unknown top-level key", "rulePack: pow\n", "rulePack: pow\ncolour: red\n",
                        "colour: red", Reason.UNKNOWN_KEY, "colour", "unknown key; known keys here: consensus,"),
                Arguments.of("misspelt node key", "  executable: litecoind", "  executible: litecoind",
                        "executible", Reason.UNKNOWN_KEY, "node.executible", "unknown key"),
                Arguments.of("unknown readiness key", "    timeout: 60s", "    timeout: 60s\n    retries: \"3\"",
                        "retries", Reason.UNKNOWN_KEY, "node.readiness.retries", "unknown key"),
                Arguments.of("unknown network for magic", "    regtest: \"fabfb5da\"",
                        "    regtest: \"fabfb5da\"\n    signet: \"0a03cf40\"", "signet: \"0a03", Reason.UNKNOWN_KEY,
                        "p2p.magic.signet", "unknown key"),
                Arguments.of("wrong family", "family: bitcoin", "family: bitcon", "family: bitcon",
                        Reason.INVALID_VALUE, "family", "'bitcon' is not one of evm, bitcoin"),
                Arguments.of("wrong rpcAuth", "  rpcAuth: user-password", "  rpcAuth: basic", "rpcAuth: basic",
                        Reason.INVALID_VALUE, "node.rpcAuth", "'basic' is not one of none, user-password"),
                Arguments.of("wrong port role", "  ports: [rpc, p2p]", "  ports: [rpc, p2p, grpc]", "ports: [rpc",
                        Reason.INVALID_VALUE, "node.ports[2]", "'grpc' is not one of rpc, ws, p2p"),
                Arguments.of("wrong rule pack", "rulePack: pow", "rulePack: pos-light", "rulePack: pos-light",
                        Reason.INVALID_VALUE, "rulePack", "is not one of pow, pos"),
                Arguments.of("id not [a-z0-9-]+", "id: litecoin", "id: Lite_coin", "id: Lite_coin",
                        Reason.INVALID_VALUE, "id", "'Lite_coin' is not a chain type id ([a-z0-9-]+)"),
                Arguments.of("number for a string", "name: Litecoin (litecoind)", "name: 42", "name: 42",
                        Reason.INVALID_VALUE, "name", "expected a string, found the non-string value 42"),
                Arguments.of("bad magic", "    regtest: \"fabfb5da\"", "    regtest: \"fabfb5dz\"", "fabfb5dz",
                        Reason.INVALID_VALUE, "p2p.magic.regtest", "four bytes in lower-case hex"),
                Arguments.of("bad metric name", "  - chain.hashrate", "  - Chain.Hashrate", "Chain.Hashrate",
                        Reason.INVALID_VALUE, "metrics[9]", "not a dotted lower-case metric name"),
                Arguments.of("bad timeout", "    timeout: 60s", "    timeout: 60 seconds", "60 seconds",
                        Reason.INVALID_VALUE, "node.readiness.timeout", "a duration such as 500ms, 30s or 2m"),
                Arguments.of("unknown placeholder", "\"-port={p2pPort}\"", "\"-port={p2pport}\"", "{p2pport}",
                        Reason.UNKNOWN_PLACEHOLDER, "node.arguments[6]",
                        "unknown placeholder {p2pport}; known here: {rpcPort}, {wsPort}"),
                Arguments.of("peer placeholder in node arguments", "\"-port={p2pPort}\"", "\"-port={peerP2pPort}\"",
                        "-port={peerP2pPort}", Reason.UNKNOWN_PLACEHOLDER, "node.arguments[6]",
                        "unknown placeholder {peerP2pPort}"),
                Arguments.of("unknown peer placeholder", "{peerHost}:{peerP2pPort}", "{peerHost}:{peerPort}",
                        "{peerPort}", Reason.UNKNOWN_PLACEHOLDER, "node.peerArgument",
                        "unknown placeholder {peerPort}; known here: {peerHost}, {peerP2pPort}"),
                Arguments.of("unbalanced brace", "\"-port={p2pPort}\"", "\"-port={p2pPort\"", "-port={p2pPort\"",
                        Reason.UNKNOWN_PLACEHOLDER, "node.arguments[6]", "unbalanced brace"),
                Arguments.of("missing top-level key", "rulePack: pow\n", "", "id: litecoin", Reason.MISSING_FIELD,
                        "rulePack", "required key is missing"),
                Arguments.of("missing nested key", "    method: getblockchaininfo\n", "", "params: []",
                        Reason.MISSING_FIELD, "node.readiness.method", "required key is missing"),
                Arguments.of("null value", "name: Litecoin (litecoind)", "name:", "id: litecoin",
                        Reason.MISSING_FIELD, "name", "required key is missing"),
                Arguments.of("blank string", "name: Litecoin (litecoind)", "name: \" \"", "name: \" \"",
                        Reason.MISSING_FIELD, "name", "must not be blank"),
                Arguments.of("credentials without rpcAuth", "  rpcAuth: user-password", "  rpcAuth: none",
                        "  arguments:", Reason.INCONSISTENT, "node.arguments",
                        "uses {rpcUser} but that needs node.rpcAuth is user-password"),
                Arguments.of("config file not named in the arguments", "\"-conf={configFile}\"", "-conf=ltc.conf",
                        "  arguments:", Reason.INCONSISTENT, "node.arguments",
                        "must use {configFile} when node.configFile is set"),
                Arguments.of("arguments for a network that is not allowed", "      regtest: [\"-maxtipage",
                        "      signet: [\"-maxtipage", "signet", Reason.UNKNOWN_KEY, "node.network.arguments.signet",
                        "unknown key"),
                Arguments.of("p2p placeholder without p2p port", "  ports: [rpc, p2p]", "  ports: [rpc]",
                        "  arguments:", Reason.INCONSISTENT, "node.arguments", "uses {p2pPort}"),
                Arguments.of("served and critical", "    - getpeerinfo\n", "    - getpeerinfo\n    - dumpwallet\n",
                        "- dumpwallet", Reason.INCONSISTENT, "rpc.methods[25]",
                        "'dumpwallet' is served publicly but also critical"),
                Arguments.of("wrong handshake for the family", "  kind: bitcoin-magic", "  kind: rlpx",
                        "kind: rlpx", Reason.INCONSISTENT, "p2p.kind", "the bitcoin family speaks bitcoin-magic"),
                Arguments.of("duplicate key", "name: Litecoin (litecoind)\n",
                        "name: Litecoin (litecoind)\nname: Other\n", "name: Other", Reason.UNREADABLE, "name",
                        "duplicate key, first written at line"));
    }

    @Test
    void notYamlIsRefusedWithTheLineOfTheSyntaxError() {
        String yaml = LITECOIN.replace("family: bitcoin", "family: [bitcoin");

        assertThatThrownBy(() -> ChainFiles.load("litecoin.yaml", yaml))
                .isInstanceOfSatisfying(ChainCatalogException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE))
                .hasMessageMatching("(?s)litecoin\\.yaml:5:\\d+: not valid YAML: .*line 4, column 9.*");
    }

    @Test
    void anEmptyFileAListAndTwoDocumentsAreRefused() {
        assertThatThrownBy(() -> ChainFiles.load("empty.yaml", "")).isInstanceOf(ChainCatalogException.class)
                .hasMessage("empty.yaml: the file is empty");
        assertThatThrownBy(() -> ChainFiles.load("list.yaml", "- id: x\n"))
                .isInstanceOf(ChainCatalogException.class)
                .hasMessage("list.yaml:1:1: (root): a chain type file holds one mapping, found a list");
        assertThatThrownBy(() -> ChainFiles.load("two.yaml", LITECOIN + "---\n" + LITECOIN))
                .isInstanceOf(ChainCatalogException.class).hasMessageContaining("holds one YAML document");
    }

    @Test
    void twoChainTypesWithOneIdAreRefusedNamingBothFiles() {
        List<ChainSource> sources = List.of(ChainSource.ofText("a.yaml", LITECOIN),
                ChainSource.ofText("b.yaml", LITECOIN));

        assertThatThrownBy(() -> ChainCatalog.load(sources)).isInstanceOfSatisfying(ChainCatalogException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_ID))
                .hasMessage("b.yaml: id: chain type 'litecoin' is already defined in a.yaml");
    }
}
