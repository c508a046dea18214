package io.chainmonitor.adapters.evm;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

import io.chainmonitor.adapters.Block;
import io.chainmonitor.adapters.ChainClientException;
import io.chainmonitor.adapters.ClientSettings;
import io.chainmonitor.adapters.NodeEndpoint;
import io.chainmonitor.adapters.NodeEndpoint.Credentials;
import io.chainmonitor.adapters.NodeStatus;
import io.chainmonitor.adapters.Transaction;
import io.chainmonitor.adapters.testing.FakeNode;
import io.chainmonitor.adapters.testing.FakeNode.RawAnswer;
import io.chainmonitor.adapters.testing.FakeNode.RpcFailure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvmChainClientTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ClientSettings SETTINGS = new ClientSettings(Duration.ofSeconds(5), 2, 2,
            Duration.ofMillis(50));
    private static final String TRANSFER = "0xe567e66f48f831a3cb823299beb4d8c4b9370ae8fa5dac6a3f0406dcedc923ca";
    private static final String DEPLOYMENT = "0xc4beec8801bd98274d8733bceb090dc7203f7589339516a7848efcc335320b78";

    private final FakeNode node = FakeNode.start(FakeNode.Style.EVM);
    private EvmChainClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        node.close();
    }

    private EvmChainClient client() {
        client = new EvmChainClient(new NodeEndpoint(node.url(), null, new Credentials.None()), SETTINGS);
        return client;
    }

    /** Blocks 2 and 3 as recorded from anvil: a transfer and a deployment, then two calls to the contract. */
    private void recordedChain() {
        JsonNode block2 = FakeNode.recorded("evm-block.json").get("result");
        JsonNode block3 = FakeNode.recorded("evm-block-calls.json").get("result");
        JsonNode receipts2 = FakeNode.recorded("evm-receipts.json").get("result");
        JsonNode receipts3 = FakeNode.recorded("evm-receipts-calls.json").get("result");
        node.on("eth_getBlockByNumber", params -> switch (params.get(0).asString()) {
            case "0x2" -> block2;
            case "0x3" -> block3;
            default -> NullNode.getInstance();
        }).on("eth_getBlockReceipts", params -> {
            String block = params.get(0).asString();
            return block.equals("0x2") || block.equals(block2.get("hash").asString()) ? receipts2 : receipts3;
        });
    }

    @Test
    void aRecordedAnvilBlockGivesValuesFeesAndTheCreatedContractExactly() {
        recordedChain();

        Block block = client().blocks(2, 2).getFirst();

        assertThat(block.height()).isEqualTo(2);
        assertThat(block.hash()).isEqualTo("0x4e2e48513df6728ec3645a2a1a57be0e9aba5e43c8db7e0fce4ca0cf90af1e3d");
        assertThat(block.parentHash())
                .isEqualTo("0x4e0217b8c8766cc7dd389471e1e57c4dafa6fab26c773dbf9b28e69e19eb4591");
        assertThat(block.timestamp()).isEqualTo(Instant.ofEpochSecond(1795329055));
        assertThat(block.sizeBytes()).isEqualTo(852);
        assertThat(block.producer()).isEqualTo("0x0000000000000000000000000000000000000000");
        assertThat(block.difficulty()).isZero();
        assertThat(block.gasUsed()).isEqualTo(75_670);
        assertThat(block.gasLimit()).isEqualTo(30_000_000);
        assertThat(block.baseFeePerGas()).isEqualTo(BigInteger.valueOf(875_175_000));
        assertThat(block.uncleHashes()).isEmpty();

        Transaction transfer = block.transactions().get(0);
        assertThat(transfer.hash()).isEqualTo(TRANSFER);
        assertThat(transfer.from()).containsExactly("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
        assertThat(transfer.to()).containsExactly("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
        assertThat(transfer.value()).isEqualTo(new BigInteger("1000000000000000000"));
        assertThat(transfer.fee()).isEqualTo(BigInteger.valueOf(39_378_675_000_000L));
        assertThat(transfer.contractCreated()).isNull();
        assertThat(transfer.contractCall()).isFalse();
        assertThat(transfer.succeeded()).isTrue();
        assertThat(transfer.coinbase()).isFalse();
        // As eth_getRawTransactionByHash reported for these transactions.
        assertThat(transfer.sizeBytes()).isEqualTo(119);

        Transaction deployment = block.transactions().get(1);
        assertThat(deployment.hash()).isEqualTo(DEPLOYMENT);
        assertThat(deployment.to()).isEmpty();
        assertThat(deployment.value()).isZero();
        assertThat(deployment.fee()).isEqualTo(BigInteger.valueOf(102_515_817_250_000L));
        assertThat(deployment.contractCreated()).isEqualTo("0x8464135c8f25da09e49bc8782676a84730c318bc");
        assertThat(deployment.contractCall()).isFalse();
        assertThat(deployment.sizeBytes()).isEqualTo(110);
    }

    @Test
    void callsToAContractAreMarkedAndLegacyAndAccessListTransactionsAreSizedExactly() {
        recordedChain();

        List<Transaction> calls = client().blocks(3, 3).getFirst().transactions();

        assertThat(calls).extracting(Transaction::contractCall).containsExactly(true, true);
        assertThat(calls).extracting(Transaction::fee).containsExactly(BigInteger.valueOf(86_498_000_000_000L),
                BigInteger.valueOf(56_450_000_000_000L));
        assertThat(calls).extracting(Transaction::sizeBytes).containsExactly(135L, 163L);
    }

    @Test
    void blocksAndReceiptsAreFetchedInJsonArraysNoLargerThanTheBatchSize() {
        recordedChain();
        JsonNode block2 = FakeNode.recorded("evm-block.json").get("result");
        JsonNode receipts2 = FakeNode.recorded("evm-receipts.json").get("result");
        node.on("eth_getBlockByNumber",
                params -> ((ObjectNode) block2.deepCopy()).put("number", params.get(0).asString()))
                .on("eth_getBlockReceipts", params -> receipts2);

        assertThat(client().blocks(10, 14)).hasSize(5);

        List<JsonNode> requests = node.requests();
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.isArray()).isTrue();
            assertThat(request.size()).isBetween(1, 2);
            request.forEach(call -> assertThat(call.get("jsonrpc").asString()).isEqualTo("2.0"));
        });
        assertThat(calls(requests, "eth_getBlockByNumber")).extracting(call -> call.get("params").get(0).asString())
                .containsExactlyInAnyOrder("0xa", "0xb", "0xc", "0xd", "0xe");
        assertThat(calls(requests, "eth_getBlockReceipts")).hasSize(5);
    }

    @Test
    void receiptsAreAskedForByHeightWithTheBlocksAndReadAgainByHashWhenTheBlockWasReplacedMeanwhile() {
        recordedChain();
        JsonNode block2 = FakeNode.recorded("evm-block.json").get("result");
        JsonNode receipts2 = FakeNode.recorded("evm-receipts.json").get("result");
        JsonNode receipts3 = FakeNode.recorded("evm-receipts-calls.json").get("result");
        // By height the node already serves another block's receipts: the chain moved between the two reads.
        node.on("eth_getBlockReceipts", params -> params.get(0).asString().equals(block2.get("hash").asString())
                ? receipts2
                : receipts3);

        Block block = client().blocks(2, 2).getFirst();

        assertThat(block.transactions()).extracting(Transaction::fee).containsExactly(
                BigInteger.valueOf(39_378_675_000_000L), BigInteger.valueOf(102_515_817_250_000L));
        assertThat(calls(node.requests(), "eth_getBlockReceipts"))
                .extracting(call -> call.get("params").get(0).asString())
                .containsExactly("0x2", block2.get("hash").asString());
    }

    @Test
    void aNodeWithoutBlockReceiptsIsAskedForEachTransactionReceiptInBatches() {
        recordedChain();
        JsonNode receipts = FakeNode.recorded("evm-receipts.json").get("result");
        node.on("eth_getBlockReceipts", params -> {
            throw new RpcFailure(-32601, "the method eth_getBlockReceipts does not exist");
        }).on("eth_getTransactionReceipt", params -> receipts.valueStream()
                .filter(receipt -> receipt.get("transactionHash").asString().equals(params.get(0).asString()))
                .findFirst().orElseThrow());

        Block first = client().blocks(2, 2).getFirst();
        Block again = client.blocks(2, 2).getFirst();

        assertThat(first.transactions()).extracting(Transaction::fee).containsExactly(
                BigInteger.valueOf(39_378_675_000_000L), BigInteger.valueOf(102_515_817_250_000L));
        assertThat(again).isEqualTo(first);
        assertThat(calls(node.requests(), "eth_getBlockReceipts")).hasSize(1);
        assertThat(calls(node.requests(), "eth_getTransactionReceipt")).hasSize(4);
    }

    @Test
    void aHeightAboveTheHeadIsRejected() {
        recordedChain();

        assertThatThrownBy(() -> client().blocks(2, 4)).isInstanceOf(ChainClientException.Rejected.class)
                .hasMessageContaining("block 4 is above the node's head");
    }

    @Test
    void aBlockOfAnotherHeightThanAskedIsMalformed() {
        JsonNode block2 = FakeNode.recorded("evm-block.json").get("result");
        node.on("eth_getBlockByNumber", params -> block2);

        assertThatThrownBy(() -> client().blocks(5, 5)).isInstanceOf(ChainClientException.Malformed.class)
                .hasMessageContaining("asked for block 5");
    }

    @Test
    void aJsonRpcErrorInsideABatchIsRejectedWithItsCode() {
        node.on("eth_getBlockByNumber", params -> {
            throw new RpcFailure(-32000, "header not found");
        });

        assertThatThrownBy(() -> client().blocks(0, 0)).isInstanceOfSatisfying(
                ChainClientException.Rejected.class, rejected -> {
                    assertThat(rejected.code()).isEqualTo(-32000);
                    assertThat(rejected.method()).isEqualTo("eth_getBlockByNumber");
                });
    }

    @Test
    void transactionHashesWhereFullTransactionsWereAskedForAreMalformed() {
        ObjectNode block = (ObjectNode) FakeNode.recorded("evm-block.json").get("result").deepCopy();
        block.set("transactions", JSON.readTree("[\"" + TRANSFER + "\"]"));
        node.on("eth_getBlockByNumber", params -> block);

        assertThatThrownBy(() -> client().blocks(2, 2)).isInstanceOf(ChainClientException.Malformed.class);
    }

    @Test
    void aHeadWithAGarbageNumberIsMalformed() {
        ObjectNode block = (ObjectNode) FakeNode.recorded("evm-block.json").get("result").deepCopy();
        block.put("number", "twelve");
        node.on("eth_getBlockByNumber", params -> block);

        assertThatThrownBy(() -> client().head()).isInstanceOf(ChainClientException.Malformed.class);
    }

    @Test
    void aNodeWithoutALatestBlockIsMalformed() {
        node.on("eth_getBlockByNumber", params -> NullNode.getInstance());

        assertThatThrownBy(() -> client().head()).isInstanceOf(ChainClientException.Malformed.class)
                .hasMessageContaining("latest block");
    }

    @Test
    void aUserAndPasswordGoAsHttpBasicAuthentication() {
        node.on("eth_blockNumber", params -> JSON.readTree("\"0x5\""));
        client = new EvmChainClient(
                new NodeEndpoint(node.url(), null, new Credentials.UserPassword("monitor", "s3cret")), SETTINGS);

        client.ping();

        assertThat(node.authorizations()).containsExactly("Basic bW9uaXRvcjpzM2NyZXQ=");
    }

    @Test
    void http401IsRejectedAndHttp502IsUnavailable() {
        node.answerRaw(n -> n == 1 ? new RawAnswer(401, "") : new RawAnswer(502, "Bad Gateway"));

        assertThatThrownBy(() -> client().ping()).isInstanceOfSatisfying(ChainClientException.Rejected.class,
                rejected -> assertThat(rejected.code()).isEqualTo(401));
        assertThatThrownBy(client::ping).isInstanceOf(ChainClientException.Unavailable.class);
    }

    @Test
    void aNodeThatDoesNotAnswerInTimeIsUnavailable() {
        node.hold();
        client = new EvmChainClient(new NodeEndpoint(node.url(), null, new Credentials.None()),
                new ClientSettings(Duration.ofMillis(300), 2, 2, Duration.ofSeconds(1)));

        assertThatThrownBy(client::ping).isInstanceOf(ChainClientException.Unavailable.class);
    }

    @Test
    void statusTakesWhatTheNodeOffersAndLeavesTheRestEmpty() {
        JsonNode block = FakeNode.recorded("evm-block.json").get("result");
        node.on("web3_clientVersion", params -> JSON.readTree("\"anvil/v1.7.1\""))
                .on("eth_syncing", params -> JSON.readTree("false"))
                .on("txpool_status", params -> JSON.readTree("{\"pending\":\"0x3\",\"queued\":\"0x11\"}"))
                .on("eth_getBlockByNumber", params -> params.get(0).asString().equals("finalized")
                        ? ((ObjectNode) block.deepCopy()).put("number", "0x0")
                        : block);

        NodeStatus status = client().status();

        assertThat(status.clientVersion()).isEqualTo("anvil/v1.7.1");
        // The recorded head is block 2; the node finalized block 0.
        assertThat(status.finalizedLag()).isEqualTo(2);
        assertThat(status.peerCount()).isZero();
        assertThat(status.peers()).isEmpty();
        assertThat(status.syncing()).isFalse();
        assertThat(status.mempoolSize()).isEqualTo(20);
        assertThat(status.mempoolBytes()).isNull();
        assertThat(status.networkHashrate()).isNull();
        assertThat(status.difficulty()).isZero();
    }

    @Test
    void statusOfAGethNodeListsItsPeersAndASyncingNodeSaysSo() {
        JsonNode block = FakeNode.recorded("evm-block.json").get("result");
        node.on("web3_clientVersion", params -> JSON.readTree("\"Geth/v1.14.0\""))
                .on("net_peerCount", params -> JSON.readTree("\"0x2\""))
                .on("eth_syncing", params -> JSON.readTree("{\"startingBlock\":\"0x0\",\"currentBlock\":\"0x5\"}"))
                .on("admin_peers", params -> JSON.readTree(
                        """
                                [{"id":"a1","name":"Geth/v1.14.0","network":{"remoteAddress":"127.0.0.1:30303","inbound":true}},
                                 {"id":"b2","name":"Nethermind","network":{"remoteAddress":"127.0.0.2:30303","inbound":false}}]"""))
                .on("eth_getBlockByNumber", params -> block);

        NodeStatus status = client().status();

        assertThat(status.peerCount()).isEqualTo(2);
        assertThat(status.syncing()).isTrue();
        assertThat(status.mempoolSize()).isNull();
        assertThat(status.peers()).extracting(NodeStatus.Peer::address).containsExactly("127.0.0.1:30303",
                "127.0.0.2:30303");
    }

    private static List<JsonNode> calls(List<JsonNode> requests, String method) {
        return requests.stream().flatMap(request -> request.isArray() ? request.valueStream() : Stream.of(request))
                .filter(call -> call.get("method").asString().equals(method)).toList();
    }
}
