package io.chainmonitor.rules.chain;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Services hand chain types out as JSON (the project wizard lists them); enums read as they do in the files. */
class ChainTypeJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aChainTypeWritesItsEnumsInTheFilesLowerCaseNames() {
        JsonNode litecoin = json.valueToTree(ChainCatalog.builtIn().require("litecoin"));

        assertThat(litecoin.get("family").asString()).isEqualTo("bitcoin");
        assertThat(litecoin.get("consensus").asString()).isEqualTo("pow");
        assertThat(litecoin.at("/node/rpcAuth").asString()).isEqualTo("user-password");
        assertThat(litecoin.at("/node/websocket").asString()).isEqualTo("none");
        assertThat(litecoin.at("/p2p/kind").asString()).isEqualTo("bitcoin-magic");
        assertThat(litecoin.at("/p2p/magicByNetwork/regtest").asString()).isEqualTo("fabfb5da");
    }

    @Test
    void aChainTypeReadsBackFromItsJsonUnchanged() {
        ChainCatalog catalog = ChainCatalog.builtIn();

        assertThat(catalog.all()).allSatisfy(type -> assertThat(
                json.readValue(json.writeValueAsString(type), ChainType.class)).isEqualTo(type));
    }

    @Test
    void everyEnumValueIsTheNameTheFilesUse() {
        assertThat(json.writeValueAsString(PortRole.P2P)).isEqualTo("\"p2p\"");
        assertThat(json.readValue("\"rpc-port\"", WebSocketEndpoint.class)).isEqualTo(WebSocketEndpoint.RPC_PORT);
        assertThat(json.readValue("\"evm\"", ChainFamily.class)).isEqualTo(ChainFamily.EVM);
        assertThat(HandshakeKind.RLPX.value()).isEqualTo("rlpx");
    }
}
