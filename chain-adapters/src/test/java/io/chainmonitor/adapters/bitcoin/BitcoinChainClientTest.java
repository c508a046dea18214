package io.chainmonitor.adapters.bitcoin;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import io.chainmonitor.adapters.Block;
import io.chainmonitor.adapters.ChainClientException;
import io.chainmonitor.adapters.ChainTip;
import io.chainmonitor.adapters.ClientSettings;
import io.chainmonitor.adapters.NodeEndpoint;
import io.chainmonitor.adapters.NodeEndpoint.Credentials;
import io.chainmonitor.adapters.NodeStatus;
import io.chainmonitor.adapters.Transaction;
import io.chainmonitor.adapters.testing.FakeNode;
import io.chainmonitor.adapters.testing.FakeNode.RawAnswer;
import io.chainmonitor.adapters.testing.FakeNode.RpcFailure;
import io.chainmonitor.adapters.testing.RecordingListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class BitcoinChainClientTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ClientSettings SETTINGS = new ClientSettings(Duration.ofSeconds(5), 3, 2,
            Duration.ofMillis(50));
    private static final String BLOCK_102 = "345b22772e789dcd5569a72497b14682b5176032c56c3ee855d1849b0ed7676d";
    private static final String PREVIOUS_TX = "41d3187d744cb5cad7d94787533eda5e9a3ad0cc67ea46fdbe3a68fa4c851207";

    private final FakeNode node = FakeNode.start(FakeNode.Style.BITCOIN);
    private BitcoinChainClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        node.close();
    }

    private BitcoinChainClient client(ClientSettings settings, Credentials credentials) {
        client = new BitcoinChainClient(new NodeEndpoint(node.url(), null, credentials), settings);
        return client;
    }

    private BitcoinChainClient client() {
        return client(SETTINGS, new Credentials.UserPassword("user", "secret"));
    }

    /** A node whose chain has block 102 as recorded from litecoind, and copies of it at every other height. */
    private void recordedChain() {
        JsonNode recorded = FakeNode.recorded("ltc-block.json").get("result");
        node.on("getblockhash", params -> new StringNode(hashAt(params.get(0).longValue())))
                .on("getblock", params -> blockAt(recorded, params.get(0).asString()))
                .onRecorded("getrawtransaction", "ltc-prevtx.json");
    }

    private static String hashAt(long height) {
        return height == 102 ? BLOCK_102 : "%064x".formatted(height);
    }

    private static JsonNode blockAt(JsonNode recorded, String hash) {
        if (hash.equals(BLOCK_102)) {
            return recorded;
        }
        ObjectNode copy = (ObjectNode) recorded.deepCopy();
        copy.put("hash", hash);
        copy.put("height", Long.parseLong(hash, 16));
        return copy;
    }

    @Test
    void aRecordedLitecoinBlockGivesItsProducerValuesAndFeeExactly() {
        recordedChain();

        Block block = client().blocks(102, 102).getFirst();

        assertThat(block.height()).isEqualTo(102);
        assertThat(block.hash()).isEqualTo(BLOCK_102);
        assertThat(block.parentHash()).isEqualTo("5f12b57304ed6236ca443da65b43b0222ee355c4aa2dacdee320947e2c22da87");
        assertThat(block.timestamp()).isEqualTo(Instant.ofEpochSecond(1795329101));
        assertThat(block.sizeBytes()).isEqualTo(472);
        assertThat(block.producer()).isEqualTo("rltc1q7y85tdvntkal0kpecg69p479mupmau0klvwyrw");
        assertThat(block.difficulty()).isEqualTo(BigInteger.ZERO);
        assertThat(block.gasUsed()).isNull();
        assertThat(block.uncleHashes()).isEmpty();
        assertThat(block.transactions()).hasSize(2);

        Transaction coinbase = block.transactions().get(0);
        assertThat(coinbase.coinbase()).isTrue();
        assertThat(coinbase.value()).isEqualTo(BigInteger.valueOf(5_000_001_410L));
        assertThat(coinbase.fee()).isNull();
        assertThat(coinbase.from()).isEmpty();
        assertThat(coinbase.sizeBytes()).isEqualTo(169);

        Transaction payment = block.transactions().get(1);
        assertThat(payment.hash()).isEqualTo("914933ff089c325768d87eda9fbdf25c14875cf4ea24f779346b9c363ec70abc");
        assertThat(payment.coinbase()).isFalse();
        assertThat(payment.value()).isEqualTo(BigInteger.valueOf(4_876_541_801L + 123_456_789L));
        assertThat(payment.fee()).isEqualTo(BigInteger.valueOf(1_410));
        assertThat(payment.from()).containsExactly("rltc1q7y85tdvntkal0kpecg69p479mupmau0klvwyrw");
        assertThat(payment.to()).containsExactly("rltc1qhqj3ldqwf772m5x9kez2qxkdyyehpas4t5pu6d",
                "rltc1qnxvplkxyv47kmaf5megu3tcu9j42lq4tjhp954");
        assertThat(payment.sizeBytes()).isEqualTo(222);
        assertThat(payment.contractCreated()).isNull();
        assertThat(payment.succeeded()).isNull();
    }

    @Test
    void blocksAreFetchedInJsonArraysNoLargerThanTheBatchSize() {
        recordedChain();

        List<Block> blocks = client().blocks(10, 16);

        assertThat(blocks).hasSize(7);
        List<JsonNode> requests = node.requests();
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.isArray()).isTrue();
            assertThat(request.size()).isBetween(1, 3);
        });
        assertThat(calls(requests, "getblockhash")).extracting(call -> call.get("params").get(0).longValue())
                .containsExactlyInAnyOrder(10L, 11L, 12L, 13L, 14L, 15L, 16L);
        assertThat(calls(requests, "getblock")).hasSize(7);
        // The one spent transaction is looked up once for all seven blocks.
        assertThat(calls(requests, "getrawtransaction")).hasSize(1);
    }

    @Test
    void withoutATransactionIndexFeesAndSendersStayUnknownAndAreNotAskedForAgain() {
        node.on("getblockhash", params -> new StringNode(BLOCK_102)).onRecorded("getblock", "ltc-block.json")
                .on("getrawtransaction", params -> {
                    throw new RpcFailure(-5, "No such mempool transaction. Use -txindex to enable blockchain "
                            + "transaction queries.");
                });

        Transaction payment = client().blocks(102, 102).getFirst().transactions().get(1);
        client.blocks(102, 102);

        assertThat(payment.fee()).isNull();
        assertThat(payment.from()).isEmpty();
        assertThat(payment.value()).isEqualTo(BigInteger.valueOf(4_999_998_590L));
        assertThat(calls(node.requests(), "getrawtransaction")).hasSize(1);
    }

    @Test
    void aNodeRefusingVerbosityThreeIsAskedWithVerbosityTwo() {
        JsonNode block = FakeNode.recorded("ltc-block.json").get("result");
        node.on("getblockhash", params -> new StringNode(BLOCK_102)).on("getblock", params -> {
            if (params.get(1).intValue() == 3) {
                throw new RpcFailure(-8, "Verbosity must be in range 0..2");
            }
            return block;
        }).onRecorded("getrawtransaction", "ltc-prevtx.json");

        client().blocks(102, 102);
        client.blocks(102, 102);

        assertThat(calls(node.requests(), "getblock")).extracting(call -> call.get("params").get(1).intValue())
                .containsExactly(3, 2, 2);
    }

    @Test
    void spentOutputsReportedByVerbosityThreeGiveFeeAndSendersWithoutLookups() {
        ObjectNode block = (ObjectNode) FakeNode.recorded("ltc-block.json").get("result").deepCopy();
        ObjectNode input = (ObjectNode) block.get("tx").get(1).get("vin").get(0);
        input.set("prevout", JSON.readTree("""
                {"value": 50.00000000, "scriptPubKey": {"address": "rltc1qsender"}}"""));
        ((ObjectNode) block.get("tx").get(1)).put("fee", new java.math.BigDecimal("0.00001410"));
        node.on("getblockhash", params -> new StringNode(BLOCK_102)).on("getblock", params -> block);

        Transaction payment = client().blocks(102, 102).getFirst().transactions().get(1);

        assertThat(payment.fee()).isEqualTo(BigInteger.valueOf(1_410));
        assertThat(payment.from()).containsExactly("rltc1qsender");
        assertThat(calls(node.requests(), "getrawtransaction")).isEmpty();
    }

    @Test
    void coinAmountsAreParsedExactlyAndMoreThanEightDecimalsAreMalformed() {
        ObjectNode block = (ObjectNode) FakeNode.recorded("ltc-block.json").get("result").deepCopy();
        ObjectNode output = (ObjectNode) block.get("tx").get(0).get("vout").get(0);
        output.set("value", JSON.readTree("20999999.99999999"));
        node.on("getblockhash", params -> new StringNode(BLOCK_102)).on("getblock", params -> block)
                .onRecorded("getrawtransaction", "ltc-prevtx.json");

        assertThat(client().blocks(102, 102).getFirst().transactions().getFirst().value())
                .isEqualTo(new BigInteger("2099999999999999"));

        output.set("value", JSON.readTree("0.123456789"));
        assertThatThrownBy(() -> client.blocks(102, 102)).isInstanceOf(ChainClientException.Malformed.class)
                .extracting(failure -> ((ChainClientException) failure).method()).isEqualTo("getblock");
    }

    @Test
    void aBlockOfAnotherHeightThanAskedIsMalformed() {
        node.on("getblockhash", params -> new StringNode(BLOCK_102)).onRecorded("getblock", "ltc-block.json")
                .onRecorded("getrawtransaction", "ltc-prevtx.json");

        assertThatThrownBy(() -> client().blocks(7, 7)).isInstanceOf(ChainClientException.Malformed.class)
                .hasMessageContaining("asked for block 7");
    }

    @Test
    void aHeightAboveTheTipIsRejected() {
        node.on("getblockhash", params -> {
            throw new RpcFailure(-8, "Block height out of range");
        });

        assertThatThrownBy(() -> client().blocks(500, 501)).isInstanceOfSatisfying(
                ChainClientException.Rejected.class, rejected -> assertThat(rejected.code()).isEqualTo(-8));
    }

    @Test
    void anUnknownBlockHashIsEmpty() {
        node.on("getblock", params -> {
            throw new RpcFailure(-5, "Block not found");
        });

        assertThat(client().blockByHash("00".repeat(32))).isEmpty();
    }

    @Test
    void anRpcErrorSentWithHttp500IsRejectedWithItsCode() {
        node.on("getbestblockhash", params -> {
            throw new RpcFailure(-28, "Loading block index...");
        });

        assertThatThrownBy(() -> client().head()).isInstanceOfSatisfying(ChainClientException.Rejected.class,
                rejected -> {
                    assertThat(rejected.code()).isEqualTo(-28);
                    assertThat(rejected.method()).isEqualTo("getbestblockhash");
                    assertThat(rejected.retryable()).isFalse();
                });
    }

    @Test
    void anUnknownMethodAnsweredWithHttp404IsRejected() {
        assertThatThrownBy(() -> client().chainTips()).isInstanceOfSatisfying(ChainClientException.Rejected.class,
                rejected -> assertThat(rejected.code()).isEqualTo(-32601));
    }

    @Test
    void wrongCredentialsAreRejectedWithTheHttpStatus() {
        node.requireAuthorization("Basic nobody");

        assertThatThrownBy(() -> client().ping()).isInstanceOfSatisfying(ChainClientException.Rejected.class,
                rejected -> assertThat(rejected.code()).isEqualTo(401));
        assertThat(node.authorizations()).containsExactly(basic("user:secret"));
    }

    @Test
    void aRefusedConnectionIsUnavailable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        client = new BitcoinChainClient(
                new NodeEndpoint(URI.create("http://127.0.0.1:" + port + "/"), null, new Credentials.None()),
                SETTINGS);

        assertThatThrownBy(client::ping).isInstanceOfSatisfying(ChainClientException.Unavailable.class,
                unavailable -> assertThat(unavailable.retryable()).isTrue());
    }

    @Test
    void http500WithoutAJsonRpcBodyIsUnavailable() {
        node.answerRaw(n -> new RawAnswer(503, "Service Unavailable"));

        assertThatThrownBy(() -> client().ping()).isInstanceOf(ChainClientException.Unavailable.class)
                .hasMessageContaining("503");
    }

    @Test
    void anAnswerThatIsNotJsonIsMalformed() {
        node.answerRaw(n -> new RawAnswer(200, "<html>hello</html>"));

        assertThatThrownBy(() -> client().ping()).isInstanceOf(ChainClientException.Malformed.class)
                .hasMessageContaining("<html>");
    }

    @Test
    void aTruncatedAnswerIsMalformed() {
        node.answerRaw(n -> new RawAnswer(200, "[{\"result\":\"00ab\",\"error\":null,\"id\":1},{\"resu"));

        assertThatThrownBy(() -> client().blocks(1, 2)).isInstanceOf(ChainClientException.Malformed.class);
    }

    @Test
    void anAnswerWithoutTheFieldsThePromiseNamesIsMalformed() {
        node.on("getbestblockhash", params -> new StringNode(BLOCK_102)).on("getblockheader",
                params -> JSON.readTree("{\"hash\":\"" + BLOCK_102 + "\",\"time\":1}"));

        assertThatThrownBy(() -> client().head()).isInstanceOfSatisfying(ChainClientException.Malformed.class,
                malformed -> assertThat(malformed).hasMessageContaining("height"));
    }

    @Test
    void aBatchAnswerMissingAReplyIsMalformed() {
        node.answerRaw(n -> new RawAnswer(200, "[{\"result\":\"" + BLOCK_102 + "\",\"error\":null,\"id\":1}]"));

        assertThatThrownBy(() -> client().blocks(1, 2)).isInstanceOf(ChainClientException.Malformed.class)
                .hasMessageContaining("no reply");
    }

    @Test
    void aNodeThatDoesNotAnswerInTimeIsUnavailable() {
        node.hold();

        assertThatThrownBy(() -> client(new ClientSettings(Duration.ofMillis(300), 3, 2, Duration.ofSeconds(1)),
                new Credentials.None()).ping()).isInstanceOf(ChainClientException.Unavailable.class)
                .hasMessageContaining("no answer within");
    }

    @Test
    void neverMoreRequestsThanTheLimitAreInFlight() {
        recordedChain();
        node.hold();
        client(new ClientSettings(Duration.ofSeconds(30), 1, 2, Duration.ofSeconds(1)), new Credentials.None());

        CompletableFuture<List<Block>> blocks = CompletableFuture.supplyAsync(() -> client.blocks(0, 9));
        await().until(() -> node.inFlight() == 2);
        node.release(1_000);

        assertThat(blocks.join()).hasSize(10);
        assertThat(node.maxInFlight()).isEqualTo(2);
        assertThat(calls(node.requests(), "getblock")).hasSize(10);
    }

    @Test
    void aCookieFileIsReadAgainAfterA401(@TempDir Path dataDir) throws IOException {
        Path cookie = dataDir.resolve(".cookie");
        Files.writeString(cookie, "__cookie__:first");
        node.requireAuthorization(basic("__cookie__:second"));
        node.on("getblockcount", params -> JSON.readTree("102"));
        client(SETTINGS, new Credentials.Cookie(cookie));

        assertThatThrownBy(client::ping).isInstanceOfSatisfying(ChainClientException.Rejected.class,
                rejected -> assertThat(rejected.code()).isEqualTo(401));

        // The node restarted and wrote a new cookie.
        Files.writeString(cookie, "__cookie__:second\n");
        client.ping();
        client.ping();

        // first ping: refused, the file still holds the refused cookie, no retry; second ping: refused, file read
        // again, retried with the new cookie; third ping: the new cookie at once.
        assertThat(node.authorizations()).containsExactly(basic("__cookie__:first"), basic("__cookie__:first"),
                basic("__cookie__:second"), basic("__cookie__:second"));
    }

    @Test
    void statusComesFromTheRecordedNetworkPeerMempoolAndMiningAnswers() {
        node.onRecorded("getnetworkinfo", "ltc-getnetworkinfo.json")
                .onRecorded("getpeerinfo", "ltc-getpeerinfo.json")
                .onRecorded("getmempoolinfo", "ltc-getmempoolinfo.json")
                .onRecorded("getblockchaininfo", "ltc-getblockchaininfo.json")
                .onRecorded("getnetworkhashps", "ltc-getnetworkhashps.json")
                .onRecorded("getdifficulty", "ltc-getdifficulty.json");

        NodeStatus status = client().status();

        assertThat(status.clientVersion()).isEqualTo("/LitecoinCore:0.21.2.1/");
        assertThat(status.peerCount()).isEqualTo(1);
        assertThat(status.syncing()).isFalse();
        assertThat(status.mempoolSize()).isZero();
        assertThat(status.mempoolBytes()).isZero();
        assertThat(status.networkHashrate()).isEqualTo(4.091123773723e-07);
        assertThat(status.difficulty()).isEqualTo(4.656542373906925e-10);
        assertThat(status.peers()).containsExactly(new NodeStatus.Peer("0", "127.0.0.1:47178",
                "/LitecoinCore:0.21.2.1/", true, 0L, Duration.ofNanos(188_000), Instant.ofEpochSecond(1795329077)));
        // Six calls in batches of at most three.
        assertThat(node.requests()).hasSize(2).allSatisfy(request -> assertThat(request.size()).isEqualTo(3));
    }

    @Test
    void chainTipsKeepEveryBranchWithItsStatus() {
        node.on("getchaintips", params -> JSON.readTree("""
                [{"height":105,"hash":"aa","branchlen":0,"status":"active"},
                 {"height":104,"hash":"bb","branchlen":2,"status":"valid-fork"},
                 {"height":90,"hash":"cc","branchlen":1,"status":"headers-only"}]"""));

        assertThat(client().chainTips()).containsExactly(new ChainTip(105, "aa", 0, ChainTip.Status.ACTIVE),
                new ChainTip(104, "bb", 2, ChainTip.Status.VALID_FORK),
                new ChainTip(90, "cc", 1, ChainTip.Status.HEADERS_ONLY));
    }

    @Test
    void closingTheClientEndsItsHeadSubscriptionsAndLaterCallsAreUnavailable() {
        node.on("getbestblockhash", params -> new StringNode(BLOCK_102)).on("getblockheader",
                params -> JSON.readTree("{\"hash\":\"" + BLOCK_102 + "\",\"height\":102,\"time\":1}"));
        RecordingListener listener = new RecordingListener();
        client().subscribeHeads(listener);
        await().until(() -> listener.heads().size() == 1);

        client.close();
        int requests = node.bodies().size();

        assertThatThrownBy(() -> client.blocks(1, 10)).isInstanceOf(ChainClientException.Unavailable.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(client::ping).isInstanceOf(ChainClientException.Unavailable.class);
        // No poll after close: the subscription thread is gone (a poll would add a getbestblockhash request).
        await().during(Duration.ofMillis(300)).until(() -> node.bodies().size() == requests);
        assertThat(listener.errors()).isEmpty();
    }

    private static List<JsonNode> calls(List<JsonNode> requests, String method) {
        return requests.stream()
                .flatMap(request -> request.isArray() ? request.valueStream() : java.util.stream.Stream.of(request))
                .filter(call -> call.get("method").asString().equals(method)).toList();
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }
}
