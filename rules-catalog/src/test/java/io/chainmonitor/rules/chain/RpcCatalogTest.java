package io.chainmonitor.rules.chain;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RpcCatalogTest {

    private static final ChainCatalog CATALOG = ChainCatalog.builtIn();

    private final RpcCatalog rpc = new RpcCatalog(Set.of("eth_blockNumber", "eth_call"), Set.of("eth_sign"),
            Set.of("admin_"));

    @Test
    void aListedMethodIsRecognized() {
        assertThat(rpc.classify("eth_blockNumber")).isEqualTo(MethodClass.RECOGNIZED);
    }

    @Test
    void aCriticalMethodAndAMethodUnderACriticalPrefixAreCritical() {
        assertThat(rpc.classify("eth_sign")).isEqualTo(MethodClass.CRITICAL);
        assertThat(rpc.classify("admin_addPeer")).isEqualTo(MethodClass.CRITICAL);
    }

    @Test
    void anUnlistedMethodIsUnrecognized() {
        assertThat(rpc.classify("eth_getWork")).isEqualTo(MethodClass.UNRECOGNIZED);
        assertThat(rpc.classify("")).isEqualTo(MethodClass.UNRECOGNIZED);
        assertThat(rpc.classify(null)).isEqualTo(MethodClass.UNRECOGNIZED);
    }

    @Test
    void criticalWinsOverRecognized() {
        RpcCatalog overlapping = new RpcCatalog(Set.of("admin_nodeInfo"), Set.of(), Set.of("admin_"));

        assertThat(overlapping.classify("admin_nodeInfo")).isEqualTo(MethodClass.CRITICAL);
    }

    @Test
    void criticalIgnoresCaseButRecognizedDoesNot() {
        assertThat(rpc.classify("ETH_SIGN")).isEqualTo(MethodClass.CRITICAL);
        assertThat(rpc.classify("Admin_AddPeer")).isEqualTo(MethodClass.CRITICAL);
        assertThat(rpc.classify("ETH_BLOCKNUMBER")).isEqualTo(MethodClass.UNRECOGNIZED);
    }

    @ParameterizedTest(name = "{0}: {1} is {2}")
    @CsvSource({
            "anvil, eth_blockNumber, RECOGNIZED",
            "anvil, eth_sendRawTransaction, RECOGNIZED",
            "anvil, anvil_reorg, CRITICAL",
            "anvil, evm_mine, CRITICAL",
            "anvil, hardhat_setBalance, CRITICAL",
            "anvil, eth_sendTransaction, CRITICAL",
            "anvil, debug_traceTransaction, CRITICAL",
            "anvil, txpool_content, UNRECOGNIZED",
            "ethereum, eth_getHeaderByNumber, RECOGNIZED",
            "ethereum, admin_addPeer, CRITICAL",
            "ethereum, engine_forkchoiceUpdatedV3, CRITICAL",
            "ethereum, personal_unlockAccount, CRITICAL",
            "ethereum, anvil_reorg, UNRECOGNIZED",
            "bitcoin, getblockchaininfo, RECOGNIZED",
            "bitcoin, getdeploymentinfo, RECOGNIZED",
            "bitcoin, sendrawtransaction, RECOGNIZED",
            "bitcoin, dumpprivkey, CRITICAL",
            "bitcoin, generatetoaddress, CRITICAL",
            "bitcoin, walletpassphrase, CRITICAL",
            "bitcoin, stop, CRITICAL",
            "litecoin, getpeerinfo, RECOGNIZED",
            "litecoin, DumpPrivKey, CRITICAL",
            "litecoin, GetBlockCount, UNRECOGNIZED",
            "litecoin, setban, CRITICAL",
            "litecoin, importprivkey, CRITICAL",
            "litecoin, getbalance, UNRECOGNIZED",
            "litecoin, getdeploymentinfo, UNRECOGNIZED"})
    void bundledChainTypesClassifyTheirMethods(String chain, String method, MethodClass expected) {
        assertThat(CATALOG.require(chain).rpc().classify(method)).isEqualTo(expected);
    }

    @Test
    void noBundledChainTypeServesAMethodItAlsoCallsCritical() {
        assertThat(CATALOG.all()).allSatisfy(type -> assertThat(type.rpc().methods())
                .allSatisfy(method -> assertThat(type.rpc().classify(method)).isEqualTo(MethodClass.RECOGNIZED)));
    }
}
