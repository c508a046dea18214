package io.chainmonitor.spawner.deployment;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.audit.AuditEntry;
import io.chainmonitor.spawner.SpawnerIT;
import io.chainmonitor.spawner.binary.NodeFiles;
import io.chainmonitor.spawner.supervision.JsonRpcTestClient;
import io.chainmonitor.spawner.supervision.TestNodes;
import io.chainmonitor.support.embedded.test.BuildDirectory;
import io.chainmonitor.support.embedded.test.TestBinaries;
import io.chainmonitor.support.kafka.test.TopicReader;
import io.chainmonitor.support.security.NodeRpcCredentials;
import io.chainmonitor.support.security.NodeRpcCredentials.Credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path through the REST API with the real litecoind: create a project of three replicas in two process
 * locations, upload the node, deploy, mine on one replica, see all three follow, delete the project; and a new binary
 * rolled over two replicas in place, each keeping its chain on its data directory.
 */
class LitecoinDeploymentIT extends SpawnerIT {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final NodeRpcCredentials CREDENTIALS = new NodeRpcCredentials(NODE_RPC_SECRET);
    private static final Path REPLICAS = BuildDirectory.newTempDirectory("deployed-replicas-");
    // A valid regtest address; mining to it needs no wallet.
    private static final String PAYOUT = "rltc1qfr4j35k4w023f4xjkkryryxs8wfqtjy7z62rdp";

    @DynamicPropertySource
    static void twoProcessLocations(DynamicPropertyRegistry registry) {
        registry.add("chain-monitor.spawner.binary.max-size", () -> "512MB");
        registry.add("chain-monitor.spawner.locations[0].name", () -> "local-a");
        registry.add("chain-monitor.spawner.locations[0].runtime", () -> "process");
        registry.add("chain-monitor.spawner.locations[1].name", () -> "local-b");
        registry.add("chain-monitor.spawner.locations[1].runtime", () -> "process");
        registry.add("chain-monitor.spawner.runtime.data-directory", REPLICAS::toString);
    }

    @Test
    void threeDeployedReplicasInTwoLocationsPeerFollowOneChainAndStopWithTheirProject() throws IOException {
        String token = user("deployer");
        String id = createProject(token,
                """
                        {"name": "ltc-deploy", "chainType": "litecoin",
                         "replicas": {"total": 3, "locations": [{"name": "local-a", "count": 2}, {"name": "local-b", "count": 1}]}}
                        """);
        String deployment = "/api/v1/projects/" + id + "/deployment";
        assertProblem(send("POST", deployment, token, null), 409, "no-binary");

        byte[] litecoind = Files.readAllBytes(TestNodes.realExecutable(
                TestBinaries.required("chain-monitor.test.litecoind")));
        assertThat(uploadBinary(id, token, litecoind, NodeFiles.sha256(litecoind)).statusCode()).isEqualTo(200);

        HttpResponse<String> deployed = send("POST", deployment, token, null);
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(202);
        assertThat(json(deployed).get("replicas")).extracting(replica -> replica.get("id").asString() + "@"
                + replica.get("location").asString()).containsExactly("r-1@local-a", "r-2@local-a", "r-3@local-b");
        assertThat(deployed.body()).doesNotContainIgnoringCase("password");
        assertProblem(send("POST", deployment, token, null), 409, "already-deployed");

        await().atMost(WAIT).until(() -> replicas(deployment, token).stream()
                .allMatch(replica -> replica.get("state").asString().equals("RUNNING")));
        List<JsonNode> running = replicas(deployment, token);
        List<Long> pids = running.stream().map(replica -> replica.get("pid").asLong()).toList();
        Credentials first = CREDENTIALS.forReplica(id, "r-1");
        JsonRpcTestClient rpc = new JsonRpcTestClient(first.user(), first.password());
        for (int i = 0; i < pids.size(); i++) {
            String password = CREDENTIALS.forReplica(id, "r-" + (i + 1)).password();
            assertThat(commandLine(pids.get(i))).as("command line of r-%d", i + 1).contains("-conf=")
                    .doesNotContain(password);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(running.stream()
                .map(replica -> clientOf(id, replica).call(rpcUrl(replica), "getconnectioncount").asInt()))
                .allMatch(count -> count >= 2));

        rpc.call(rpcUrl(running.getFirst()), "generatetoaddress", 4, PAYOUT);
        await().atMost(WAIT).untilAsserted(() -> assertThat(running.stream()
                .map(replica -> clientOf(id, replica).call(rpcUrl(replica), "getblockcount").asInt()))
                .containsOnly(4));
        String tip = rpc.call(rpcUrl(running.getFirst()), "getbestblockhash").asString();
        running.forEach(replica -> assertThat(clientOf(id, replica).call(rpcUrl(replica), "getbestblockhash")
                .asString()).isEqualTo(tip));

        assertThat(send("DELETE", "/api/v1/projects/" + id, token, null).statusCode()).isEqualTo(204);
        await().atMost(WAIT).until(() -> pids.stream().noneMatch(pid -> ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive).isPresent()));
        assertThat(ProcessHandle.allProcesses().filter(process -> process.info().commandLine()
                .filter(line -> line.contains(id)).isPresent())).as("processes of project %s", id).isEmpty();
        assertThat(send("GET", deployment, token, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aNewBinaryUpgradesEachReplicaInPlaceAndTheChainSurvivesOnItsDataDirectory() throws IOException {
        String token = user("upgrader");
        String id = createProject(token, """
                {"name": "ltc-upgrade", "chainType": "litecoin",
                 "replicas": {"total": 2, "locations": [{"name": "local-a", "count": 2}]}}
                """);
        String deployment = "/api/v1/projects/" + id + "/deployment";
        Path litecoind = TestNodes.realExecutable(TestBinaries.required("chain-monitor.test.litecoind"));
        byte[] original = Files.readAllBytes(litecoind);
        assertThat(uploadBinary(id, token, original, NodeFiles.sha256(original)).statusCode()).isEqualTo(200);
        assertThat(send("POST", deployment, token, null).statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> replicas(deployment, token, 2).stream()
                .allMatch(replica -> replica.get("state").asString().equals("RUNNING")));
        List<JsonNode> before = replicas(deployment, token, 2);
        await().atMost(WAIT).untilAsserted(() -> assertThat(before.stream()
                .map(replica -> clientOf(id, replica).call(rpcUrl(replica), "getconnectioncount").asInt()))
                .allMatch(count -> count >= 1));
        clientOf(id, before.getFirst()).call(rpcUrl(before.getFirst()), "generatetoaddress", 5, PAYOUT);
        await().atMost(WAIT).untilAsserted(() -> assertThat(before.stream()
                .map(replica -> clientOf(id, replica).call(rpcUrl(replica), "getblockcount").asInt()))
                .containsOnly(5));
        List<String> dataDirectories = new java.util.ArrayList<>();
        for (JsonNode replica : before) {
            dataDirectories.add(dataDirectoryOf(replica.get("pid").asLong()));
        }

        // Another binary of the same node: a wrapper script, as a packaged release might ship it.
        byte[] wrapper = ("#!/bin/sh\nexec '" + litecoind + "' \"$@\"\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(uploadBinary(id, token, wrapper, NodeFiles.sha256(wrapper)).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            JsonNode view = json(get(deployment, token));
            assertThat(view.get("rollout").get("state").asString()).isEqualTo("done");
            assertThat(view.get("binarySha256").asString()).isEqualTo(NodeFiles.sha256(wrapper));
        });
        await().atMost(WAIT).until(() -> replicas(deployment, token, 2).stream()
                .allMatch(replica -> replica.get("state").asString().equals("RUNNING")));
        List<JsonNode> after = replicas(deployment, token, 2);
        assertThat(after).extracting(replica -> replica.get("id").asString()).containsExactly("r-1", "r-2");
        assertThat(after).allSatisfy(replica -> assertThat(replica.get("binarySha256").asString())
                .isEqualTo(NodeFiles.sha256(wrapper)));
        assertThat(after).extracting(replica -> replica.get("pid").asLong())
                .doesNotContainAnyElementsOf(before.stream().map(replica -> replica.get("pid").asLong()).toList());
        for (int i = 0; i < after.size(); i++) {
            assertThat(dataDirectoryOf(after.get(i).get("pid").asLong())).as("data directory of r-%d", i + 1)
                    .isEqualTo(dataDirectories.get(i));
        }
        // Each node reads its five blocks from its own data directory; none was mined since.
        after.forEach(replica -> assertThat(clientOf(id, replica).call(rpcUrl(replica), "getblockcount").asInt())
                .as("height of %s", replica.get("id").asString()).isEqualTo(5));
        await().atMost(WAIT).untilAsserted(() -> assertThat(TopicReader.eventsOf("cm.audit.v1", id).stream()
                .map(Envelope::data).filter(AuditEntry.class::isInstance).map(AuditEntry.class::cast)
                .filter(entry -> entry.action().startsWith("deployment.")).map(AuditEntry::action))
                .containsExactly("deployment.rollout-started", "deployment.rollout-done"));

        assertThat(send("DELETE", deployment, token, null).statusCode()).isEqualTo(204);
    }

    private List<JsonNode> replicas(String deployment, String token) {
        return replicas(deployment, token, 3);
    }

    private List<JsonNode> replicas(String deployment, String token, int count) {
        HttpResponse<String> current = get(deployment, token);
        assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
        List<JsonNode> replicas = json(current).get("replicas").valueStream().toList();
        assertThat(replicas).hasSize(count);
        return replicas;
    }

    private static String dataDirectoryOf(long pid) throws IOException {
        return java.util.Arrays.stream(commandLine(pid).split(" ")).filter(arg -> arg.startsWith("-datadir="))
                .findFirst().orElseThrow();
    }

    private static String rpcUrl(JsonNode replica) {
        return replica.get("rpcUrl").asString();
    }

    /** The credentials are never shown by the API; the test derives them from the platform secret, as the watcher does. */
    private static JsonRpcTestClient clientOf(String projectId, JsonNode replica) {
        Credentials credentials = CREDENTIALS.forReplica(projectId, replica.get("id").asString());
        return new JsonRpcTestClient(credentials.user(), credentials.password());
    }

    /** What {@code ps} shows: the process's arguments as the kernel keeps them. */
    private static String commandLine(long pid) throws IOException {
        return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ');
    }
}
