package io.chainmonitor.spawner.deployment;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import io.chainmonitor.events.audit.AuditEntry;
import io.chainmonitor.spawner.SpawnerIT;
import io.chainmonitor.spawner.binary.NodeFiles;
import io.chainmonitor.spawner.supervision.JsonRpcTestClient;
import io.chainmonitor.support.embedded.test.BuildDirectory;
import io.chainmonitor.support.embedded.test.TestBinaries;
import io.chainmonitor.support.kafka.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real anvil through the REST API in two process locations: a deployment answering on every replica, a killed
 * replica restarted, rollouts in place to a new binary (a wrapper script around anvil) and to new settings, a rollout
 * stopped by a binary that does not start (its replica put back on the old binary), an archive deployed through its entry point, and nothing left running once the
 * project is deleted.
 */
class AnvilDeploymentIT extends SpawnerIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path REPLICAS = BuildDirectory.newTempDirectory("anvil-replicas-");
    private static final Path ANVIL = TestBinaries.required("chain-monitor.test.anvil");
    // A different binary of the same node: a script, which the store takes as it takes an ELF file.
    private static final byte[] WRAPPER = ("#!/bin/sh\nexec '" + ANVIL + "' \"$@\"\n").getBytes(StandardCharsets.UTF_8);
    private static final byte[] BROKEN = "#!/bin/sh\necho 'cannot start' >&2\nexit 3\n"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] ARCHIVE = NodeFiles.tarGz(Map.of("anvil-1.0/bin/anvil", WRAPPER));
    private static final List<Long> SEEN = new ArrayList<>();
    // Anvil held back until the test opens the gate: keeps a rollout running for as long as the test needs.
    private static final Path GATE = REPLICAS.resolve("gate");
    private static final byte[] GATED = ("#!/bin/sh\nwhile [ ! -e '" + GATE + "' ]; do sleep 0.1; done\nexec '" + ANVIL
            + "' \"$@\"\n").getBytes(StandardCharsets.UTF_8);

    private final JsonRpcTestClient rpc = new JsonRpcTestClient(null, null);

    @DynamicPropertySource
    static void twoProcessLocationsAndAnvilReleases(DynamicPropertyRegistry registry) throws IOException {
        registry.add("chain-monitor.spawner.binary.max-size", () -> "512MB");
        registry.add("chain-monitor.spawner.locations[0].name", () -> "local-a");
        registry.add("chain-monitor.spawner.locations[0].runtime", () -> "process");
        registry.add("chain-monitor.spawner.locations[1].name", () -> "local-b");
        registry.add("chain-monitor.spawner.locations[1].runtime", () -> "process");
        registry.add("chain-monitor.spawner.runtime.data-directory", REPLICAS::toString);
        registry.add("chain-monitor.spawner.supervision.initial-backoff", () -> "200ms");
        String anvil = NodeFiles.sha256(Files.readAllBytes(ANVIL));
        registry.add("chain-monitor.spawner.binary.allowed-hashes.anvil[1]", () -> anvil);
        registry.add("chain-monitor.spawner.binary.allowed-hashes.anvil[2]", () -> NodeFiles.sha256(WRAPPER));
        registry.add("chain-monitor.spawner.binary.allowed-hashes.anvil[3]", () -> NodeFiles.sha256(BROKEN));
        registry.add("chain-monitor.spawner.binary.allowed-hashes.anvil[4]", () -> NodeFiles.sha256(ARCHIVE));
        registry.add("chain-monitor.spawner.binary.allowed-hashes.anvil[5]", () -> NodeFiles.sha256(GATED));
    }

    @AfterAll
    static void noNodeIsLeft() {
        SEEN.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void threeReplicasInTwoLocationsAnswerAKilledOneIsRestartedAndNoneOutlivesItsProject() throws IOException {
        String token = user("anvil-deployer");
        String id = createProject(token,
                """
                        {"name": "anvil-three", "chainType": "anvil",
                         "replicas": {"total": 3, "locations": [{"name": "local-a", "count": 2}, {"name": "local-b", "count": 1}]}}
                        """);
        upload(id, token, Files.readAllBytes(ANVIL));
        assertThat(send("POST", deployment(id), token, null).statusCode()).isEqualTo(202);

        List<JsonNode> running = awaitRunning(id, token, 3);
        assertThat(running).extracting(replica -> replica.get("id").asString() + "@"
                + replica.get("location").asString()).containsExactly("r-1@local-a", "r-2@local-a", "r-3@local-b");
        running.forEach(replica -> assertThat(rpc.call(replica.get("rpcUrl").asString(), "eth_blockNumber")
                .asString()).isEqualTo("0x0"));
        List<Long> pids = running.stream().map(replica -> replica.get("pid").asLong()).toList();

        ProcessHandle.of(pids.get(1)).orElseThrow().destroyForcibly();
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode restarted = replicas(id, token).get(1);
            assertThat(restarted.get("state").asString()).isEqualTo("RUNNING");
            assertThat(restarted.get("pid").asLong()).isNotEqualTo(pids.get(1));
            assertThat(restarted.get("restarts").asInt()).isEqualTo(1);
            assertThat(restarted.get("lastExitCode").isNull()).isFalse();
        });
        List<Long> now = pidsOf(replicas(id, token));

        assertThat(send("DELETE", "/api/v1/projects/" + id, token, null).statusCode()).isEqualTo(204);
        await().atMost(WAIT).until(() -> now.stream().noneMatch(AnvilDeploymentIT::alive));
        assertThat(ProcessHandle.allProcesses().filter(process -> process.info().commandLine()
                .filter(line -> line.contains(id)).isPresent())).as("processes of project %s", id).isEmpty();
        assertThat(send("GET", deployment(id), token, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aNewBinaryAndNewSettingsRollOverOneReplicaAtATimeAndABrokenBinaryStopsTheRollout() throws IOException {
        String token = user("anvil-roller");
        String id = createProject(token, """
                {"name": "anvil-rolled", "chainType": "anvil",
                 "replicas": {"total": 2, "locations": [{"name": "local-a", "count": 2}]}}
                """);
        upload(id, token, Files.readAllBytes(ANVIL));
        send("POST", deployment(id), token, null);
        List<Long> first = pidsOf(awaitRunning(id, token, 2));

        upload(id, token, WRAPPER);
        String wrapper = NodeFiles.sha256(WRAPPER);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode view = json(get(deployment(id), token));
            assertThat(view.get("rollout").get("state").asString()).isEqualTo("done");
            assertThat(view.get("binarySha256").asString()).isEqualTo(wrapper);
        });
        List<JsonNode> rolled = awaitRunning(id, token, 2);
        // Upgraded in place: the same replicas, on their own ports and data directories, running the new binary.
        assertThat(rolled).extracting(replica -> replica.get("id").asString()).containsExactly("r-1", "r-2");
        assertThat(rolled).allSatisfy(replica -> assertThat(replica.get("binarySha256").asString()).isEqualTo(wrapper));
        List<Long> second = pidsOf(rolled);
        assertThat(second).doesNotContainAnyElementsOf(first);
        assertThat(first).noneMatch(AnvilDeploymentIT::alive);
        rolled.forEach(replica -> rpc.call(replica.get("rpcUrl").asString(), "eth_blockNumber"));
        List<String> rpcUrls = rolled.stream().map(replica -> replica.get("rpcUrl").asString()).toList();

        upload(id, token, BROKEN);
        await().atMost(WAIT).untilAsserted(() -> assertThat(json(get(deployment(id), token)).get("rollout")
                .get("state").asString()).isEqualTo("failed"));
        JsonNode afterFailure = json(get(deployment(id), token));
        assertThat(afterFailure.get("rollout").get("detail").asString())
                .contains("replica r-1 on binary " + NodeFiles.sha256(BROKEN) + " did not come up (exit code 3)")
                .contains("r-1 is back on binary " + wrapper).doesNotContain("restart in");
        assertThat(afterFailure.get("binarySha256").asString()).isEqualTo(wrapper);
        List<JsonNode> restored = awaitRunning(id, token, 2);
        assertThat(restored).allSatisfy(replica -> assertThat(replica.get("binarySha256").asString())
                .isEqualTo(wrapper));
        assertThat(restored).extracting(replica -> replica.get("rpcUrl").asString())
                .containsExactlyElementsOf(rpcUrls);
        // The first replica was tried on the broken binary and put back; the second was never touched.
        assertThat(pidsOf(restored).get(1)).isEqualTo(second.get(1));
        assertThat(pidsOf(restored).getFirst()).isNotEqualTo(second.getFirst());
        restored.forEach(replica -> rpc.call(replica.get("rpcUrl").asString(), "eth_blockNumber"));
        List<Long> beforeShrink = pidsOf(restored);

        upload(id, token, WRAPPER);
        HttpResponse<String> shrunk = send("PUT", "/api/v1/projects/" + id, token, """
                {"name": "anvil-rolled", "replicas": {"total": 1, "locations": [{"name": "local-b", "count": 1}]}}
                """);
        assertThat(shrunk.statusCode()).as(shrunk.body()).isEqualTo(200);
        await().atMost(WAIT).untilAsserted(() -> assertThat(replicas(id, token)).singleElement()
                .satisfies(replica -> {
                    assertThat(replica.get("location").asString()).isEqualTo("local-b");
                    assertThat(replica.get("state").asString()).isEqualTo("RUNNING");
                }));
        assertThat(beforeShrink).noneMatch(AnvilDeploymentIT::alive);
        List<Long> last = pidsOf(replicas(id, token));

        assertThat(send("DELETE", deployment(id), token, null).statusCode()).isEqualTo(204);
        assertThat(last).noneMatch(AnvilDeploymentIT::alive);
    }

    @Test
    void anArchiveIsDeployedThroughItsEntryPointUnpackedInTheStore() throws IOException {
        String token = user("anvil-archivist");
        String id = createProject(token, """
                {"name": "anvil-archive", "chainType": "anvil",
                 "replicas": {"total": 1, "locations": [{"name": "local-b", "count": 1}]}}
                """);
        upload(id, token, ARCHIVE);
        HttpResponse<String> binary = get("/api/v1/projects/" + id + "/binary", token);
        assertThat(json(binary).get("entryPoint").asString()).isEqualTo("anvil-1.0/bin/anvil");

        assertThat(send("POST", deployment(id), token, null).statusCode()).isEqualTo(202);

        JsonNode replica = awaitRunning(id, token, 1).getFirst();
        assertThat(rpc.call(replica.get("rpcUrl").asString(), "eth_blockNumber").asString()).isEqualTo("0x0");
        Path entryPoint = STORE.resolve("unpacked").resolve(NodeFiles.sha256(ARCHIVE)).resolve("anvil-1.0/bin/anvil");
        assertThat(Files.isExecutable(entryPoint)).isTrue();
        long pid = replica.get("pid").asLong();
        assertThat(send("DELETE", "/api/v1/projects/" + id, token, null).statusCode()).isEqualTo(204);
        await().atMost(WAIT).until(() -> !alive(pid));
    }

    @Test
    void aReplicaRestartedOnRequestComesBackOnItsOwnPortsAndTheRestartIsAudited() throws IOException {
        String token = user("anvil-restarter");
        String id = createProject(token, """
                {"name": "anvil-restart", "chainType": "anvil",
                 "replicas": {"total": 1, "locations": [{"name": "local-a", "count": 1}]}}
                """);
        upload(id, token, Files.readAllBytes(ANVIL));
        send("POST", deployment(id), token, null);
        JsonNode before = awaitRunning(id, token, 1).getFirst();

        HttpResponse<String> restarted = send("POST", deployment(id) + "/replicas/r-1/restart", token, null);

        assertThat(restarted.statusCode()).as(restarted.body()).isEqualTo(202);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode after = replicas(id, token).getFirst();
            assertThat(after.get("state").asString()).isEqualTo("RUNNING");
            assertThat(after.get("pid").asLong()).isNotEqualTo(before.get("pid").asLong());
        });
        JsonNode after = replicas(id, token).getFirst();
        assertThat(after.get("rpcUrl").asString()).isEqualTo(before.get("rpcUrl").asString());
        assertThat(after.get("p2pAddress")).isEqualTo(before.get("p2pAddress"));
        assertThat(alive(before.get("pid").asLong())).isFalse();
        rpc.call(after.get("rpcUrl").asString(), "eth_blockNumber");
        List<AuditEntry> audit = await().atMost(WAIT)
                .until(() -> TopicReader.eventsOf("cm.audit.v1", id).stream().map(event -> (AuditEntry) event.data())
                        .filter(entry -> entry.action().equals("deployment.replica-restarted")).toList(),
                        entries -> entries.size() == 1);
        assertThat(audit.getFirst().actor()).isEqualTo("anvil-restarter");
        assertThat(audit.getFirst().resourceId()).isEqualTo("r-1");

        assertProblem(send("POST", deployment(id) + "/replicas/r-9/restart", token, null), 404, "not-found");
        upload(id, token, GATED);
        await().atMost(WAIT).untilAsserted(() -> assertThat(json(get(deployment(id), token)).get("rollout")
                .get("state").asString()).isEqualTo("rolling"));
        assertProblem(send("POST", deployment(id) + "/replicas/r-1/restart", token, null), 409,
                "rollout-in-progress");
        Files.writeString(GATE, "open");
        await().atMost(WAIT).untilAsserted(() -> assertThat(json(get(deployment(id), token)).get("rollout")
                .get("state").asString()).isEqualTo("done"));
        assertProblem(send("POST", deployment(id) + "/replicas/r-1/restart", user("someone-else"), null), 404,
                "not-found");
        List<Long> last = pidsOf(awaitRunning(id, token, 1));
        assertThat(send("DELETE", "/api/v1/projects/" + id, token, null).statusCode()).isEqualTo(204);
        await().atMost(WAIT).until(() -> last.stream().noneMatch(AnvilDeploymentIT::alive));
    }

    private void upload(String id, String token, byte[] content) {
        HttpResponse<String> uploaded = uploadBinary(id, token, content, NodeFiles.sha256(content));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
    }

    private List<JsonNode> awaitRunning(String id, String token, int count) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(replicas(id, token)).hasSize(count)
                .allMatch(replica -> replica.get("state").asString().equals("RUNNING")));
        return replicas(id, token);
    }

    private List<JsonNode> replicas(String id, String token) {
        HttpResponse<String> current = get(deployment(id), token);
        assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
        List<JsonNode> replicas = json(current).get("replicas").valueStream().toList();
        replicas.stream().map(replica -> replica.get("pid")).filter(pid -> pid != null && !pid.isNull())
                .forEach(pid -> SEEN.add(pid.asLong()));
        return replicas;
    }

    private static List<Long> pidsOf(List<JsonNode> replicas) {
        return replicas.stream().map(replica -> replica.get("pid").asLong()).toList();
    }

    private static String deployment(String id) {
        return "/api/v1/projects/" + id + "/deployment";
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent();
    }
}
