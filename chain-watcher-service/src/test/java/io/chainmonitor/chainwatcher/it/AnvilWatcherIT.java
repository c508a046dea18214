package io.chainmonitor.chainwatcher.it;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Topic;
import io.chainmonitor.events.chain.ChainBlock;
import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.events.project.ReplicaLifecycle;
import io.chainmonitor.support.security.test.JwtTestTokens;
import io.chainmonitor.support.test.HttpTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real anvil: known transfers, a contract deployment and a call, then a reorg staged with {@code anvil_reorg};
 * the blocks, reorg and metrics on the topics must match what the node holds exactly.
 */
class AnvilWatcherIT extends WatcherITSupport {

    // Returns a one-byte runtime code (STOP) from its constructor: a contract in the smallest form.
    private static final String INIT_CODE = "0x600160008160098239f300";
    private static final BigInteger ETHER = BigInteger.TEN.pow(18);

    private static TestNode anvil;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startAnvil() {
        anvil = TestNode.anvil(newDirectory("anvil-"));
    }

    @AfterAll
    static void stopAnvil() {
        anvil.close();
    }

    @Test
    void transfersADeploymentAndAStagedReorgArePublishedExactly() throws Exception {
        String projectId = newProjectId("anvil");
        announce(projectId, "r-1", "anvil", anvil.rpcUrl(), "ws://127.0.0.1:" + anvil.rpcPort);
        awaitEvents(Topic.CHAIN_BLOCKS, projectId, events -> !blocks(events, "r-1").isEmpty());

        List<String> accounts = List.of(anvil.call("eth_accounts").get(0).asString(),
                anvil.call("eth_accounts").get(1).asString(), anvil.call("eth_accounts").get(2).asString());
        String two = send(Map.of("from", accounts.get(0), "to", accounts.get(1), "value", hex(ETHER.multiply(
                BigInteger.TWO))));
        String three = send(Map.of("from", accounts.get(0), "to", accounts.get(2), "value", hex(ETHER.multiply(
                BigInteger.valueOf(3)))));
        anvil.call("evm_mine");
        String deployment = send(Map.of("from", accounts.get(0), "data", INIT_CODE));
        anvil.call("evm_mine");
        String contract = anvil.call("eth_getTransactionReceipt", deployment).get("contractAddress").asString();
        send(Map.of("from", accounts.get(1), "to", contract, "data", "0x01"));
        anvil.call("evm_mine");
        anvil.call("evm_mine");
        anvil.call("evm_mine");
        List<String> replaced = List.of(hashAt(3), hashAt(4), hashAt(5));

        List<Envelope<?>> before = awaitEvents(Topic.CHAIN_METRICS, projectId,
                events -> blockBatches(events, "r-1").size() >= 6);
        MetricBatch transfers = batchAt(before, 1);
        assertThat(value(transfers, "chain.block.transactions")).isEqualTo(2);
        assertThat(value(transfers, "chain.tx.value_total")).isEqualTo(5.0);
        assertThat(value(transfers, "chain.tx.large_count")).isEqualTo(1);
        assertThat(value(transfers, "chain.tx.large_value_max")).isEqualTo(3.0);
        assertThat(value(transfers, "chain.block.fees"))
                .isEqualTo(new java.math.BigDecimal(fee(two).add(fee(three)), 18).doubleValue());
        assertThat(value(transfers, "chain.addresses.active")).isEqualTo(3);
        assertThat(value(transfers, "chain.addresses.new")).isEqualTo(3);
        assertThat(value(transfers, "chain.difficulty")).isZero();
        assertThat(value(batchAt(before, 2), "chain.contracts.deployed")).isEqualTo(1);
        assertThat(value(batchAt(before, 2), "chain.addresses.new")).isEqualTo(1);
        assertThat(value(batchAt(before, 3), "chain.contracts.calls")).isEqualTo(1);

        anvil.call("anvil_reorg", 3, List.of());
        List<String> branch = List.of(hashAt(3), hashAt(4), hashAt(5));

        List<Envelope<?>> after = awaitEvents(Topic.CHAIN_BLOCKS, projectId,
                events -> blocks(events, "r-1").stream().anyMatch(b -> b.hash().equals(branch.get(2))));
        List<ChainBlock> published = blocks(after, "r-1");
        ChainBlock switched = published.stream().filter(b -> b.reorg() != null).findFirst().orElseThrow();
        assertThat(switched.height()).isEqualTo(3);
        assertThat(switched.hash()).isEqualTo(branch.get(0));
        assertThat(switched.reorg()).isEqualTo(new ChainBlock.Reorg(3, replaced.get(2), 5, branch.get(0), 2,
                replaced));
        assertThat(published.stream().filter(b -> b.reorg() != null)).hasSize(1);
        assertThat(published).extracting(ChainBlock::hash).containsSubsequence(replaced.get(2), branch.get(0),
                branch.get(1), branch.get(2));
        assertThat(published.stream().filter(b -> b.height() == 1).findFirst().orElseThrow().transactionCount())
                .isEqualTo(2);

        List<Envelope<?>> metrics = awaitEvents(Topic.CHAIN_METRICS, projectId, events -> blockBatches(events, "r-1")
                .stream().anyMatch(batch -> branch.get(2).equals(batch.blockHash())));
        MetricBatch reorgBatch = blockBatches(metrics, "r-1").stream()
                .filter(batch -> branch.get(0).equals(batch.blockHash())).findFirst().orElseThrow();
        assertThat(value(reorgBatch, "chain.reorg.depth")).isEqualTo(3);
        assertThat(value(reorgBatch, "chain.reorg.count")).isEqualTo(1);
        assertThat(value(reorgBatch, "chain.orphan.count")).isEqualTo(3);

        HttpTestClient http = new HttpTestClient(port);
        String token = JwtTestTokens.hmac().token();
        JsonNode overview = JsonMapper.builder().build()
                .readTree(http.get("/api/v1/projects/" + projectId + "/overview", token).body());
        JsonNode replica = overview.get("replicas").get(0);
        assertThat(replica.get("replicaId").asString()).isEqualTo("r-1");
        assertThat(replica.get("height").asLong()).isEqualTo(5);
        assertThat(replica.get("headHash").asString()).isEqualTo(branch.get(2));
        assertThat(overview.get("keyValues").get("reorgsLastHour").asInt()).isEqualTo(1);
        assertThat(overview.get("keyValues").get("orphanedBlocks").asLong()).isEqualTo(3);
        JsonNode stored = JsonMapper.builder().build()
                .readTree(http.get("/api/v1/projects/" + projectId + "/replicas/r-1/blocks?from=2&to=5", token)
                        .body());
        assertThat(stored.findValuesAsString("hash")).containsExactly(hashAt(2), branch.get(0), branch.get(1),
                branch.get(2));
    }

    @Test
    void aRunningReplicaOfAnUnknownChainTypeOrWithoutEndpointGoesToTheDeadLetterTopic() throws Exception {
        String projectId = newProjectId("bad");
        announce(projectId, "r-1", "no-such-chain", "http://127.0.0.1:1", null);
        announce(publisher, projectId, "r-2", "anvil", ReplicaLifecycle.State.RUNNING, null, null);

        List<Envelope<?>> dead = awaitEvents("cm.projects.v1-dlt", projectId, events -> events.size() == 2);

        assertThat(dead).extracting(event -> ((ReplicaLifecycle) event.data()).replicaId())
                .containsExactlyInAnyOrder("r-1", "r-2");
        HttpResponse<String> overview = new HttpTestClient(port).get("/api/v1/projects/" + projectId + "/overview",
                JwtTestTokens.hmac().token());
        assertThat(overview.statusCode()).as("nothing is followed").isEqualTo(404);
    }

    @Test
    void anUnknownProjectIsAProblemResponse() {
        HttpResponse<String> response = new HttpTestClient(port).get("/api/v1/projects/no-such-project/overview",
                JwtTestTokens.hmac().token());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("no-such-project");
        HttpResponse<String> range = new HttpTestClient(port).get(
                "/api/v1/projects/no-such-project/replicas/r-1/blocks?from=5&to=1", JwtTestTokens.hmac().token());
        assertThat(range.statusCode()).isEqualTo(404);
    }

    private String send(Map<String, String> tx) {
        return anvil.call("eth_sendTransaction", tx).asString();
    }

    private String hashAt(long height) {
        return anvil.call("eth_getBlockByNumber", "0x" + Long.toHexString(height), false).get("hash").asString();
    }

    private BigInteger fee(String txHash) {
        JsonNode receipt = anvil.call("eth_getTransactionReceipt", txHash);
        return new BigInteger(receipt.get("gasUsed").asString().substring(2), 16)
                .multiply(new BigInteger(receipt.get("effectiveGasPrice").asString().substring(2), 16));
    }

    private static MetricBatch batchAt(List<Envelope<?>> events, long height) {
        return blockBatches(events, "r-1").stream().filter(batch -> batch.height() == height).findFirst()
                .orElseThrow();
    }

    private static String hex(BigInteger value) {
        return "0x" + value.toString(16);
    }

}
