package io.chainmonitor.spawner.project;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogChainTypesTest {

    private final CatalogChainTypes chainTypes = new CatalogChainTypes();

    @Test
    void theBuiltInChainTypesAreOfferedWithTheirFamilyConsensusAndNodeProgram() {
        assertThat(chainTypes.find("litecoin"))
                .hasValue(new ChainTypeInfo("litecoin", "bitcoin", "pow", "litecoind"));
        assertThat(chainTypes.find("anvil")).hasValue(new ChainTypeInfo("anvil", "evm", "pos", "anvil"));
    }

    @Test
    void anUnknownChainTypeIsAbsentAndTheIdsAreSorted() {
        assertThat(chainTypes.find("dogecoin")).isEmpty();
        assertThat(chainTypes.ids()).contains("anvil", "litecoin").isSorted();
    }
}
