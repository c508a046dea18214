package io.chainmonitor.wirelistener.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.project.ProjectLifecycle;
import io.chainmonitor.events.project.ReplicaLifecycle;
import io.chainmonitor.events.wire.WireIncident;
import io.chainmonitor.support.embedded.test.BuildDirectory;
import io.chainmonitor.support.embedded.test.EmbeddedInfrastructure;
import io.chainmonitor.support.kafka.EventPublisher;
import io.chainmonitor.support.kafka.test.TopicReader;
import io.chainmonitor.support.security.NodeRpcCredentials;
import io.chainmonitor.support.security.test.JwtTestTokens;
import io.chainmonitor.wirelistener.WireListenerApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The listener in front of a real anvil and a real litecoind (regtest): legitimate calls pass byte-identical, an
 * attack corpus becomes the right incidents and findings, blocks and isolation take effect.
 */
@ExtendWith(EmbeddedInfrastructure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(classes = WireListenerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + WireListenerApplication.NAME, "management.server.port=0",
        "chain-monitor.security.jwt.hmac-secret=" + JwtTestTokens.DEFAULT_HMAC_SECRET,
        "chain-monitor.security.node-rpc-secret=" + WireListenerIT.NODE_RPC_SECRET,
        "chain-monitor.wire-listener.metrics-interval=1s", "chain-monitor.wire-listener.limits.max-batch=10",
        "chain-monitor.wire-listener.limits.max-json-depth=16",
        "chain-monitor.wire-listener.limits.handshake-timeout=2s",
        "chain-monitor.wire-listener.limits.max-subscriptions=3",
        "chain-monitor.wire-listener.project-critical." + WireListenerIT.HONEYPOT_PROJECT + "=honeypot"})
class WireListenerIT {

    static final String HONEYPOT_PROJECT = "wire-honeypot";
    static final String NODE_RPC_SECRET = "wire-it-node-rpc-secret-0123456789abcdef";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String DEV_ACCOUNT = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    private final String project = "wire-" + UUID.randomUUID().toString().substring(0, 8);
    private final JwtTestTokens tokens = JwtTestTokens.hmac();
    private Nodes.Node anvil;
    private Nodes.Node litecoind;
    private String anvilPublic;
    private String litecoinPublic;
    private String litecoinP2p;

    @Autowired
    EventPublisher publisher;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.registerProperties(registry);
    }

    @BeforeAll
    void startNodesAndListeners() throws Exception {
        anvil = Nodes.anvil(BuildDirectory.newTempDirectory("wire-anvil"));
        NodeRpcCredentials.Credentials credentials = new NodeRpcCredentials(NODE_RPC_SECRET).forReplica(project,
                "ltc-1");
        litecoind = Nodes.litecoind(BuildDirectory.newTempDirectory("wire-ltc"), credentials.user(),
                credentials.password());
        announce("anvil-1", "anvil", anvil.rpcUrl(), null);
        announce("ltc-1", "litecoin", litecoind.rpcUrl(), litecoind.p2pAddress());
        await().atMost(WAIT).untilAsserted(() -> assertThat(listeners()).hasSizeGreaterThanOrEqualTo(2));
        for (JsonNode listener : listeners()) {
            if (listener.get("replicaId").asString().equals("anvil-1")) {
                anvilPublic = listener.get("publicRpcUrl").asString();
            } else if (listener.get("replicaId").asString().equals("ltc-1")) {
                litecoinPublic = listener.get("publicRpcUrl").asString();
                litecoinP2p = listener.get("publicP2pAddress").asString();
            }
        }
    }

    @AfterAll
    void stopNodes() {
        if (anvil != null) {
            anvil.close();
        }
        if (litecoind != null) {
            litecoind.close();
        }
    }

    @Test
    void legitimateCallsPassThroughByteIdentical() {
        for (String body : List.of("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}",
                "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"eth_getBlockByNumber\",\"params\":[\"0x0\",true]}",
                "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\"},"
                        + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_getBalance\",\"params\":[\"" + DEV_ACCOUNT
                        + "\",\"latest\"]}]")) {
            HttpResponse<byte[]> direct = anvil.post(body);
            HttpResponse<byte[]> proxied = Nodes.post(anvilPublic, body, null);
            assertThat(proxied.statusCode()).isEqualTo(direct.statusCode());
            assertThat(new String(proxied.body(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(direct.body(), StandardCharsets.UTF_8));
        }
        // The listener supplies the node's credentials; a caller's own are never passed on.
        for (String body : List.of("{\"id\":1,\"method\":\"getblockhash\",\"params\":[0]}",
                "{\"id\":2,\"method\":\"getblockcount\",\"params\":[]}")) {
            HttpResponse<byte[]> direct = litecoind.post(body);
            HttpResponse<byte[]> proxied = Nodes.post(litecoinPublic, body, "Basic d3Jvbmc6d3Jvbmc=");
            assertThat(proxied.statusCode()).isEqualTo(200);
            assertThat(proxied.body()).isEqualTo(direct.body());
        }
    }

    @Test
    void anAttackCorpusBecomesTheRightIncidentsAndFindingsAndNeverReachesTheNode() throws Exception {
        HttpResponse<byte[]> send = Nodes.post(anvilPublic, "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":"
                + "\"eth_sendTransaction\",\"params\":[{\"from\":\"" + DEV_ACCOUNT + "\",\"to\":\"" + DEV_ACCOUNT
                + "\",\"value\":\"0x1\"}]}", null);
        JsonNode refusal = JSON.readTree(send.body());
        assertThat(refusal.get("id").asInt()).isEqualTo(9);
        assertThat(refusal.get("error").get("code").asInt()).isEqualTo(-32000);
        for (int i = 0; i < 3; i++) {
            Nodes.post(anvilPublic, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"personal_unlockAccount\",\"params\":[\""
                    + DEV_ACCOUNT + "\",\"password" + i + "\",0]}", null);
        }
        Nodes.post(anvilPublic,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"admin_addPeer\",\"params\":[\"enode://x\"]}",
                null);
        Nodes.post(anvilPublic, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"debug_traceBlockByNumber\"}", null);
        Nodes.post(anvilPublic, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_totallyMadeUp\"}", null);
        Nodes.post(anvilPublic, "[" + "{\"method\":\"eth_chainId\",\"id\":1},".repeat(11) + "{\"method\":\"x\"}]",
                null);
        Nodes.post(anvilPublic, "{\"method\":\"eth_call\",\"params\":" + "[".repeat(40) + "]".repeat(40) + "}", null);
        Nodes.post(anvilPublic, "this is not json", null);
        assertThat(raw(InetAddress.getLoopbackAddress(), anvilPublic,
                "GET /.env HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 404");
        rawBytes(InetAddress.getLoopbackAddress(), port(anvilPublic),
                HexFormat.of().parseHex("16030100a5010000a10303" + "00".repeat(40)));
        rawBytes(InetAddress.getLoopbackAddress(), port("http://" + litecoinP2p),
                "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        // The node never saw the send: nothing pending for the dev account.
        JsonNode count = JSON
                .readTree(anvil.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getTransactionCount\","
                        + "\"params\":[\"" + DEV_ACCOUNT + "\",\"pending\"]}").body());
        assertThat(count.get("result").asString()).isEqualTo("0x0");

        Set<String> expected = Set.of("fund-theft.node-keys", "credential-theft.unlock",
                "node-takeover.peer-injection", "reconnaissance.debug", "reconnaissance.method-enumeration",
                "denial-of-service.oversized-batch", "denial-of-service.deep-json",
                "protocol-abuse.malformed-json-rpc", "reconnaissance.secret-files", "protocol-abuse.tls-on-plaintext",
                "protocol-abuse.p2p-wrong-protocol");
        await().atMost(WAIT).untilAsserted(() -> assertThat(incidents().stream().map(WireIncident::classification)
                .collect(Collectors.toSet())).containsAll(expected));
        List<WireIncident> incidents = incidents();
        WireIncident send1 = incidents.stream().filter(i -> i.classification().equals("fund-theft.node-keys"))
                .findFirst().orElseThrow();
        assertThat(send1.critical()).isTrue();
        assertThat(send1.disposition()).isEqualTo(WireIncident.Disposition.REFUSED);
        assertThat(send1.sourceAddress()).isEqualTo("127.0.0.1");
        assertThat(send1.summary()).contains("tried eth_sendTransaction", "anvil-1", "refused");
        assertThat(send1.excerpt()).contains("eth_sendTransaction");
        // Three unlock attempts are one incident now and one summary when the window closes, not three rows.
        assertThat(incidents.stream().filter(i -> i.classification().equals("credential-theft.unlock"))).hasSize(1);
        assertThat(incidents.stream().filter(i -> i.port() == WireIncident.Port.P2P).findFirst().orElseThrow()
                .protocol()).isEqualTo("http");

        await().atMost(WAIT).untilAsserted(() -> {
            List<Envelope<?>> findings = TopicReader.eventsOf("cm.findings.v1", project);
            assertThat(findings).anySatisfy(e -> {
                assertThat(e.data()).isInstanceOfSatisfying(Finding.class, f -> {
                    assertThat(f.ruleId()).isEqualTo("wire.fund-theft.node-keys");
                    assertThat(f.status()).isEqualTo(Finding.Status.FIRING);
                    assertThat(f.labels()).containsEntry("source", "127.0.0.1");
                });
                assertThat(e.severity()).isEqualTo(Severity.EXTREME);
            });
            // Low-tier signatures are incidents only.
            assertThat(findings).noneMatch(e -> e.data() instanceof Finding f
                    && f.ruleId().equals("wire.reconnaissance.method-enumeration"));
        });
    }

    @Test
    void aValidP2pHandshakeIsSplicedThroughToTheNode() throws Exception {
        byte[] magic = HexFormat.of().parseHex("fabfb5da");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port("http://" + litecoinP2p)), 5_000);
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(versionMessage(magic));
            socket.getOutputStream().flush();
            byte[] header = socket.getInputStream().readNBytes(24);
            assertThat(Arrays.copyOfRange(header, 0, 4)).isEqualTo(magic);
            assertThat(new String(header, 4, 7, StandardCharsets.US_ASCII)).isEqualTo("version");
        }
    }

    @Test
    void aBlockedSourceIsRefusedUntilUnblocked() throws Exception {
        InetAddress attacker = InetAddress.getByName("127.0.0.9");
        InetAddress other = InetAddress.getByName("127.0.0.10");
        String request = "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 47\r\n"
                + "Connection: close\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}";
        assertThat(request.substring(request.indexOf("\r\n\r\n") + 4)).hasSize(47);
        assertThat(raw(attacker, anvilPublic, request)).startsWith("HTTP/1.1 200");

        HttpResponse<String> created = api("POST", "/blocks",
                "{\"source\":\"127.0.0.9\",\"duration\":\"PT1H\",\"reason\":\"unlock brute force\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode block = JSON.readTree(created.body());
        assertThat(block.get("source").asString()).isEqualTo("127.0.0.9");
        assertThat(block.get("expiresAt").asString()).isNotBlank();

        assertThat(raw(attacker, anvilPublic, request)).isEmpty();
        assertThat(raw(other, anvilPublic, request)).startsWith("HTTP/1.1 200");
        await().atMost(WAIT).untilAsserted(() -> assertThat(incidents()).anySatisfy(i -> {
            assertThat(i.classification()).isEqualTo("denial-of-service.blocked-source");
            assertThat(i.sourceAddress()).isEqualTo("127.0.0.9");
            assertThat(i.disposition()).isEqualTo(WireIncident.Disposition.BLOCKED);
        }));

        assertThat(api("GET", "/blocks", null).body()).contains("127.0.0.9");
        assertThat(api("DELETE", "/blocks/" + block.get("id").asString(), null).statusCode()).isEqualTo(204);
        assertThat(raw(attacker, anvilPublic, request)).startsWith("HTTP/1.1 200");
        assertThat(api("DELETE", "/blocks/" + block.get("id").asString(), null).statusCode()).isEqualTo(404);
    }

    @Test
    void badBlockRequestsAreProblemsThatNameTheField() throws Exception {
        assertThat(api("POST", "/blocks", "{\"source\":\"evil.example\",\"duration\":\"PT1H\"}"))
                .satisfies(r -> assertThat(r.statusCode()).isEqualTo(400))
                .satisfies(r -> assertThat(r.body()).contains("source"));
        assertThat(api("POST", "/blocks", "{\"source\":\"127.0.0.0/24\",\"duration\":\"P100D\"}").body())
                .contains("duration");
        assertThat(api("POST", "/blocks", "{\"source\":\"127.0.0.0/24\",\"duration\":\"PT1H\",\"colour\":1}")
                .statusCode()).isEqualTo(400);
        assertThat(api("POST", "/blocks", "{not json").statusCode()).isEqualTo(400);
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/projects/" + project
                        + "/blocks")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void anIsolatedReplicaLosesItsPublicPortAndGetsTheSameOneBack() throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}";
        assertThat(api("POST", "/replicas/anvil-1/isolation", "").statusCode()).isEqualTo(200);
        try {
            assertThat(listeners()).anySatisfy(l -> assertThat(l.get("isolated").asBoolean()).isTrue());
            try (Socket socket = new Socket()) {
                org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> socket.connect(new InetSocketAddress("127.0.0.1", port(anvilPublic)), 2_000))
                        .isInstanceOf(ConnectException.class);
            }
            // The node itself keeps running for forensics.
            assertThat(anvil.post(body).statusCode()).isEqualTo(200);
        } finally {
            assertThat(api("DELETE", "/replicas/anvil-1/isolation", null).statusCode()).isEqualTo(200);
        }
        assertThat(Nodes.post(anvilPublic, body, null).statusCode()).isEqualTo(200);
        assertThat(api("POST", "/replicas/nope/isolation", "").statusCode()).isEqualTo(404);
    }

    @Test
    void requestMetricsArePublishedPerReplica() {
        Nodes.post(anvilPublic, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}", null);
        await().atMost(WAIT).untilAsserted(() -> assertThat(TopicReader.eventsOf("cm.chain.metrics.v1", project))
                .map(Envelope::data).filteredOn(MetricBatch.class::isInstance).map(MetricBatch.class::cast)
                .filteredOn(b -> b.producer().equals("wire-listener") && b.replicaId().equals("anvil-1"))
                .anySatisfy(b -> assertThat(b.samples()).anySatisfy(s -> {
                    assertThat(s.metric()).isEqualTo("wire.requests.rate");
                    assertThat(s.value()).isPositive();
                })));
    }

    @Test
    void aDeadNodeGetsItsCallersAGatewayErrorAndTheListenerStaysUp() throws Exception {
        announce("dead-1", "anvil", "http://127.0.0.1:" + Nodes.freePort(), null);
        await().atMost(WAIT).untilAsserted(
                () -> assertThat(listeners()).anySatisfy(l -> assertThat(l.get("replicaId").asString())
                        .isEqualTo("dead-1")));
        String deadPublic = listeners().stream().filter(l -> l.get("replicaId").asString().equals("dead-1"))
                .findFirst().orElseThrow().get("publicRpcUrl").asString();
        HttpResponse<byte[]> answer = Nodes.post(deadPublic,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}",
                null);
        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("the node is unavailable");
        assertThat(Nodes.post(anvilPublic, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}", null)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aProjectWithTheHoneypotPolicyAnswersCriticalCallsLikeTheNodeAndNeverForwardsThem() throws Exception {
        announce(HONEYPOT_PROJECT, "anvil-h", "anvil", anvil.rpcUrl(), null);
        await().atMost(WAIT).untilAsserted(() -> assertThat(listeners(HONEYPOT_PROJECT)).hasSize(1));
        String honeypot = listeners(HONEYPOT_PROJECT).getFirst().get("publicRpcUrl").asString();
        String unlock = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"personal_unlockAccount\",\"params\":[\""
                + DEV_ACCOUNT + "\",\"hunter2\",0]}";
        JsonNode answer = JSON.readTree(Nodes.post(honeypot, unlock, null).body());
        assertThat(answer.get("id").asInt()).isEqualTo(5);
        assertThat(answer.get("error").get("code").asInt()).isEqualTo(-32601);
        // The other project keeps the service's policy: refused, saying so.
        JsonNode refused = JSON.readTree(Nodes.post(anvilPublic, unlock, null).body());
        assertThat(refused.get("error").get("code").asInt()).isEqualTo(-32000);
        await().atMost(WAIT).untilAsserted(() -> assertThat(incidents(HONEYPOT_PROJECT)).anySatisfy(i -> {
            assertThat(i.classification()).isEqualTo("credential-theft.unlock");
            assertThat(i.disposition()).isEqualTo(WireIncident.Disposition.HONEYPOT);
        }));
    }

    @Test
    void aReplicaOfAnUnknownChainTypeGoesToTheDeadLetterTopicAndLaterEventsStillWork() throws Exception {
        announce("odd-1", "no-such-chain", "http://127.0.0.1:1", null);
        await().atMost(WAIT).untilAsserted(
                () -> assertThat(TopicReader.rawValuesOf("cm.projects.v1-dlt", project)).anySatisfy(
                        raw -> assertThat(raw).contains("no-such-chain")));
        announce("anvil-2", "anvil", anvil.rpcUrl(), null);
        await().atMost(WAIT).untilAsserted(() -> assertThat(listeners()).anySatisfy(
                l -> assertThat(l.get("replicaId").asString()).isEqualTo("anvil-2")));
    }

    /** WebSocket tests use a project of their own, so that their incidents are not aggregated with HTTP ones. */
    private final String wsProject = project + "-ws";
    private String wsPublic;

    private synchronized String wsPublic() throws Exception {
        if (wsPublic == null) {
            announce(wsProject, "anvil-ws", "anvil", anvil.rpcUrl(), null);
            await().atMost(WAIT).untilAsserted(() -> assertThat(listeners(wsProject)).isNotEmpty());
            wsPublic = listeners(wsProject).getFirst().get("publicRpcUrl").asString();
        }
        return wsPublic;
    }

    @Test
    void aNewHeadsSubscriptionThroughTheListenerReceivesHeadsAsAnvilMines() throws Exception {
        try (WsClient ws = new WsClient(wsPublic())) {
            ws.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"]}");
            await().atMost(WAIT).untilAsserted(() -> assertThat(ws.messages()).anySatisfy(
                    m -> assertThat(JSON.readTree(m).path("result").asString()).startsWith("0x")));
            String subscription = ws.messages().stream().map(JSON::readTree).filter(m -> m.has("result"))
                    .findFirst().orElseThrow().get("result").asString();
            long height = Long.decode(JSON.readTree(anvil.post(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\"}").body()).get("result")
                    .asString());
            assertThat(anvil.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"evm_mine\"}").statusCode())
                    .isEqualTo(200);
            await().atMost(WAIT).untilAsserted(() -> assertThat(ws.messages()).anySatisfy(m -> {
                JsonNode note = JSON.readTree(m);
                assertThat(note.path("method").asString()).isEqualTo("eth_subscription");
                assertThat(note.path("params").path("subscription").asString()).isEqualTo(subscription);
                assertThat(Long.decode(note.path("params").path("result").path("number").asString()))
                        .isGreaterThan(height);
            }));
        }
    }

    @Test
    void criticalCallsOverWebSocketAreRefusedRecordedAndNeverReachTheNode() throws Exception {
        try (WsClient ws = new WsClient(wsPublic())) {
            ws.send("{\"jsonrpc\":\"2.0\",\"id\":41,\"method\":\"eth_sendTransaction\",\"params\":[{\"from\":\""
                    + DEV_ACCOUNT + "\",\"to\":\"" + DEV_ACCOUNT + "\",\"value\":\"0x1\"}]}");
            ws.send("{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"eth_wsMadeUp\"}");
            ws.send("not json at all");
            ws.send("{\"jsonrpc\":\"2.0\",\"id\":43,\"method\":\"eth_chainId\"}");
            await().atMost(WAIT).untilAsserted(() -> assertThat(ws.messages()).hasSize(4));
            List<JsonNode> answers = ws.messages().stream().map(JSON::readTree).toList();
            assertThat(answers.get(0).path("id").asInt()).isEqualTo(41);
            assertThat(answers.get(0).path("error").path("code").asInt()).isEqualTo(-32000);
            assertThat(answers.get(1).path("error").path("code").asInt()).isEqualTo(-32601);
            assertThat(answers.get(2).path("error").path("code").asInt()).isEqualTo(-32700);
            assertThat(answers.get(3).path("result").asString()).isEqualTo("0x7a69");
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(incidents(wsProject)).anySatisfy(i -> {
            assertThat(i.classification()).isEqualTo("fund-theft.node-keys");
            assertThat(i.excerpt()).startsWith("WS ").contains("\"id\":41");
        }).anySatisfy(i -> assertThat(i.excerpt()).contains("eth_wsMadeUp")));
        // Nothing was sent: the dev account's nonce is unchanged by the refused transaction.
        assertThat(JSON.readTree(anvil.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getTransactionCount\","
                + "\"params\":[\"" + DEV_ACCOUNT + "\",\"pending\"]}").body()).get("result").asString())
                .isEqualTo(JSON.readTree(anvil.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
                        + "\"eth_getTransactionCount\",\"params\":[\"" + DEV_ACCOUNT + "\",\"latest\"]}").body())
                        .get("result").asString());
    }

    @Test
    void aTenMegabyteFrameClosesTheConnectionWithMessageTooBigAndTheListenerStaysUp() throws Exception {
        try (WsClient ws = new WsClient(wsPublic())) {
            ws.sendAsync("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[\""
                    + "a".repeat(10 * 1024 * 1024) + "\"]}");
            assertThat(ws.closed().get(60, TimeUnit.SECONDS)).isIn(1009, -1);
        }
        try (WsClient ws = new WsClient(wsPublic())) {
            ws.sendBinary(new byte[]{1, 2, 3});
            assertThat(ws.closed().get(60, TimeUnit.SECONDS)).isIn(1003, -1);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(incidents(wsProject)).anySatisfy(
                i -> assertThat(i.classification()).isEqualTo("denial-of-service.oversized-body")).anySatisfy(
                        i -> assertThat(i.classification()).isEqualTo("protocol-abuse.websocket-binary")));
        assertThat(Nodes.post(wsPublic(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}", null)
                .statusCode()).isEqualTo(200);
        try (WsClient ws = new WsClient(wsPublic())) {
            ws.send("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"eth_chainId\"}");
            await().atMost(WAIT).untilAsserted(() -> assertThat(ws.messages()).singleElement()
                    .satisfies(m -> assertThat(m).contains("0x7a69")));
        }
    }

    @Test
    void aSourceBlockedWhileItsWebSocketIsOpenIsCutOffAtItsNextMessage() throws Exception {
        try (WsClient ws = new WsClient(wsPublic())) {
            HttpResponse<String> block = api(wsProject, "POST", "/blocks",
                    "{\"source\":\"127.0.0.1\",\"duration\":\"PT5M\",\"reason\":\"ws test\"}");
            assertThat(block.statusCode()).isEqualTo(201);
            try {
                ws.sendAsync("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}");
                assertThat(ws.closed().get(60, TimeUnit.SECONDS)).isIn(1008, -1);
                assertThat(ws.messages()).isEmpty();
            } finally {
                String id = JSON.readTree(block.body()).get("id").asString();
                assertThat(api(wsProject, "DELETE", "/blocks/" + id, null).statusCode()).isEqualTo(204);
            }
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(incidents(wsProject)).anySatisfy(
                i -> assertThat(i.classification()).isEqualTo("denial-of-service.blocked-source")));
    }

    @Test
    void moreSubscriptionsThanAllowedOnOneConnectionAreRefusedAndRecorded() throws Exception {
        try (WsClient ws = new WsClient(wsPublic())) {
            for (int i = 0; i < 4; i++) {
                ws.send("{\"jsonrpc\":\"2.0\",\"id\":" + i
                        + ",\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"]}");
            }
            await().atMost(WAIT).untilAsserted(() -> assertThat(ws.messages()).hasSize(4));
            assertThat(ws.messages().stream().map(JSON::readTree).filter(m -> m.has("error")))
                    .singleElement().satisfies(m -> assertThat(m.path("error").path("code").asInt())
                            .isEqualTo(-32000));
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(incidents(wsProject)).anySatisfy(
                i -> assertThat(i.classification()).isEqualTo("denial-of-service.subscription-flood")));
    }

    @Test
    void anOwnerSetsTheCriticalPolicyThroughTheApiAndItAppliesAtOnceAndIsAudited() throws Exception {
        String policyProject = project + "-policy";
        announce(policyProject, "anvil-p", "anvil", anvil.rpcUrl(), null);
        await().atMost(WAIT).untilAsserted(() -> assertThat(listeners(policyProject)).isNotEmpty());
        String publicRpc = listeners(policyProject).getFirst().get("publicRpcUrl").asString();
        String unlock = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"personal_unlockAccount\",\"params\":[\""
                + DEV_ACCOUNT + "\",\"\",60]}";
        assertThat(JSON.readTree(api(policyProject, "GET", "/wire-policy", null).body()).get("critical").asString())
                .isEqualTo("refuse");
        assertThat(JSON.readTree(Nodes.post(publicRpc, unlock, null).body()).path("error").path("code").asInt())
                .isEqualTo(-32000);

        HttpResponse<String> put = api(policyProject, "PUT", "/wire-policy", "{\"critical\":\"honeypot\"}");
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(put.body()).get("configured").asBoolean()).isTrue();
        assertThat(JSON.readTree(Nodes.post(publicRpc, unlock, null).body()).path("error").path("code").asInt())
                .isEqualTo(-32601);
        assertThat(JSON.readTree(api(policyProject, "GET", "/wire-policy", null).body()).get("critical").asString())
                .isEqualTo("honeypot");
        await().atMost(WAIT).untilAsserted(() -> assertThat(TopicReader.rawValuesOf("cm.audit.v1", policyProject))
                .anySatisfy(raw -> assertThat(raw).contains("wire-policy.updated", "refuse -> honeypot")));

        HttpResponse<String> bad = api(policyProject, "PUT", "/wire-policy", "{\"critical\":\"maybe\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("invalid-request", "forward, refuse, honeypot");
        assertThat(api(policyProject, "PUT", "/wire-policy", "{}").statusCode()).isEqualTo(400);
        String stranger = tokens.token(claims -> claims.subject("someone-else"));
        assertThat(api(policyProject, "PUT", "/wire-policy", "{\"critical\":\"forward\"}", stranger).statusCode())
                .isEqualTo(404);
        assertThat(api(policyProject, "GET", "/wire-policy", null, stranger).statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(api(policyProject, "GET", "/wire-policy", null).body()).get("critical").asString())
                .isEqualTo("honeypot");
    }

    @Test
    void aReplicaThatStopsAndRunsAgainGetsTheSamePublicPortFromTheDatabase() throws Exception {
        String portsProject = project + "-ports";
        announce(portsProject, "anvil-s", "anvil", anvil.rpcUrl(), null);
        await().atMost(WAIT).untilAsserted(() -> assertThat(listeners(portsProject)).isNotEmpty());
        String before = listeners(portsProject).getFirst().get("publicRpcUrl").asString();
        replica(portsProject, "anvil-s", ReplicaLifecycle.State.STOPPED, "anvil", anvil.rpcUrl(), null);
        await().atMost(WAIT).untilAsserted(() -> assertThat(listeners(portsProject)).isEmpty());
        announce(portsProject, "anvil-s", "anvil", anvil.rpcUrl(), null);
        await().atMost(WAIT).untilAsserted(() -> assertThat(listeners(portsProject)).isNotEmpty());
        assertThat(listeners(portsProject).getFirst().get("publicRpcUrl").asString()).isEqualTo(before);
        assertThat(Nodes.post(before, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}", null)
                .statusCode()).isEqualTo(200);
    }

    private List<WireIncident> incidents() {
        return incidents(project);
    }

    private static List<WireIncident> incidents(String project) {
        return TopicReader.eventsOf("cm.wire.incidents.v1", project).stream().map(Envelope::data)
                .filter(WireIncident.class::isInstance).map(WireIncident.class::cast).toList();
    }

    @Test
    void anotherUserNeitherSeesNorBlocksNorIsolatesTheProject() throws Exception {
        String stranger = tokens.token(claims -> claims.subject("someone-else"));
        for (String[] call : List.of(new String[]{"GET", "/listeners", null},
                new String[]{"GET", "/blocks", null},
                new String[]{"POST", "/blocks", "{\"source\":\"127.0.0.77\",\"duration\":\"PT1H\"}"},
                new String[]{"POST", "/replicas/anvil-1/isolation", ""})) {
            HttpResponse<String> response = api(project, call[0], call[1], call[2], stranger);
            assertThat(response.statusCode()).as(call[0] + " " + call[1]).isEqualTo(404);
            assertThat(response.body()).contains("not-found");
        }
        assertThat(api("GET", "/blocks", null).body()).doesNotContain("127.0.0.77");
    }

    private List<JsonNode> listeners() throws Exception {
        return listeners(project);
    }

    private List<JsonNode> listeners(String project) throws Exception {
        HttpResponse<String> response = api(project, "GET", "/listeners", null);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).valueStream().toList();
    }

    private HttpResponse<String> api(String method, String path, String body) throws Exception {
        return api(project, method, path, body);
    }

    private HttpResponse<String> api(String project, String method, String path, String body) throws Exception {
        return api(project, method, path, body, tokens.token());
    }

    private HttpResponse<String> api(String project, String method, String path, String body, String token)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/projects/" + project + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        request.method(method, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private void announce(String replicaId, String chainType, String rpcUrl, String p2pAddress) throws Exception {
        announce(project, replicaId, chainType, rpcUrl, p2pAddress);
    }

    private void announce(String project, String replicaId, String chainType, String rpcUrl, String p2pAddress)
            throws Exception {
        // The spawner announces the project (with its owner) before its replicas, on the same key.
        ProjectLifecycle created = new ProjectLifecycle(project, ProjectLifecycle.Change.CREATED, project, chainType,
                null, null, null, 1, List.of("local"), 1, JwtTestTokens.DEFAULT_SUBJECT);
        publisher.publish(Envelope.of("/spawner-service/projects", "projects/" + project, project, Severity.LOW,
                created)).get(30, TimeUnit.SECONDS);
        replica(project, replicaId, ReplicaLifecycle.State.RUNNING, chainType, rpcUrl, p2pAddress);
    }

    private void replica(String project, String replicaId, ReplicaLifecycle.State state, String chainType,
            String rpcUrl, String p2pAddress) throws Exception {
        ReplicaLifecycle event = new ReplicaLifecycle(project, replicaId, state, chainType, "local", "process",
                new ReplicaLifecycle.Endpoints(rpcUrl, null, p2pAddress, null, null, null), null, null, 0);
        publisher.publish(Envelope.of("/spawner-service/supervision",
                "projects/" + project + "/replicas/" + replicaId, project, Severity.LOW, event))
                .get(30, TimeUnit.SECONDS);
    }

    private static int port(String url) {
        return URI.create(url).getPort();
    }

    /** Sends raw HTTP from a chosen loopback address; the answer, or "" when the listener closed at once. */
    private static String raw(InetAddress local, String url, String request) throws IOException {
        return new String(rawBytes(local, port(url), request.getBytes(StandardCharsets.US_ASCII)),
                StandardCharsets.UTF_8);
    }

    private static byte[] rawBytes(InetAddress local, int port, byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(local, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException closedAlready) {
                return new byte[0];
            }
            InputStream in = socket.getInputStream();
            try {
                return in.readAllBytes();
            } catch (java.net.SocketException reset) {
                return new byte[0];
            }
        }
    }

    /** A Bitcoin-family {@code version} message with the network's magic. */
    private static byte[] versionMessage(byte[] magic) throws Exception {
        ByteBuffer payload = ByteBuffer.allocate(86).order(ByteOrder.LITTLE_ENDIAN);
        payload.putInt(70016).putLong(0).putLong(System.currentTimeMillis() / 1000);
        payload.put(new byte[26]).put(new byte[26]).putLong(42L);
        payload.put((byte) 0).putInt(0).put((byte) 0);
        byte[] body = Arrays.copyOf(payload.array(), payload.position());
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] checksum = sha.digest(sha.digest(body));
        ByteBuffer message = ByteBuffer.allocate(24 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        message.put(magic).put(Arrays.copyOf("version".getBytes(StandardCharsets.US_ASCII), 12)).putInt(body.length)
                .put(checksum, 0, 4).put(body);
        return Objects.requireNonNull(message.array());
    }
}
