package io.chainmonitor.spawner.deployment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.audit.AuditEntry;
import io.chainmonitor.events.project.ReplicaLifecycle;
import io.chainmonitor.spawner.SpawnerApplication;
import io.chainmonitor.spawner.SpawnerIT;
import io.chainmonitor.spawner.SpawnerProperties;
import io.chainmonitor.spawner.binary.NodeFiles;
import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaSpec;
import io.chainmonitor.spawner.runtime.RunningReplica;
import io.chainmonitor.spawner.runtime.process.ProcessReplicaRuntime;
import io.chainmonitor.spawner.supervision.JsonRpcTestClient;
import io.chainmonitor.support.embedded.test.BuildDirectory;
import io.chainmonitor.support.embedded.test.EmbeddedInfrastructure;
import io.chainmonitor.support.embedded.test.TestBinaries;
import io.chainmonitor.support.kafka.test.TopicReader;
import io.chainmonitor.support.security.test.JwtTestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A spawner that shuts down and starts again on the same database and data directory: its anvil replicas keep
 * running, the new spawner re-adopts the same processes, supervises them again (a SIGKILL is followed by a restart),
 * and stops a replica process that belongs to no deployment.
 */
@ExtendWith(EmbeddedInfrastructure.class)
class DeploymentRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path DATA = BuildDirectory.newTempDirectory("spawner-restart-");
    private static final String TOKEN = JwtTestTokens.hmac().token(claims -> claims.subject("restarter"));
    private static final List<Long> STARTED = new ArrayList<>();
    /** The rollout test's processes, apart: the other test checks that every one of its own is gone. */
    private static final List<Long> UPGRADED = new ArrayList<>();

    private final HttpClient http = HttpClient.newHttpClient();
    private ConfigurableApplicationContext spawner;

    @AfterAll
    static void noNodeIsLeft() {
        STARTED.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        UPGRADED.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void replicasOutliveARestartAreReAdoptedAndSupervisedAgainAndOrphansAreStopped() throws IOException {
        spawner = start();
        String id = json(send("POST", "/api/v1/projects",
                """
                        {"name": "survivor", "chainType": "anvil", "replicas": {"total": 2, "locations": [{"name": "local", "count": 2}]}}
                        """,
                201)).get("id").asString();
        byte[] anvil = Files.readAllBytes(TestBinaries.required("chain-monitor.test.anvil"));
        upload(id, anvil);
        send("POST", deployment(id), null, 202);
        List<Long> pids = awaitRunningPids(id, 2);
        STARTED.addAll(pids);

        spawner.close();
        assertThat(pids).allSatisfy(pid -> assertThat(alive(pid)).as("pid %d after shutdown", pid).isTrue());
        RunningReplica orphan = leftOrphan();
        STARTED.add(orphan.pid());

        try {
            spawner = start();
            assertThat(awaitRunningPids(id, 2)).as("re-adopted").containsExactlyElementsOf(pids);
            await().atMost(WAIT).until(() -> !alive(orphan.pid()));
            JsonNode replica = json(send("GET", deployment(id), null, 200)).get("replicas").get(0);
            new JsonRpcTestClient(null, null).call(replica.get("rpcUrl").asString(), "eth_blockNumber");

            ProcessHandle.of(pids.getFirst()).orElseThrow().destroyForcibly();
            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode restarted = json(send("GET", deployment(id), null, 200)).get("replicas").get(0);
                assertThat(restarted.get("state").asString()).isEqualTo("RUNNING");
                assertThat(restarted.get("pid").asLong()).isNotEqualTo(pids.getFirst());
                assertThat(restarted.get("restarts").asInt()).isEqualTo(1);
                STARTED.add(restarted.get("pid").asLong());
            });
            // The new spawner says so on cm.projects.v1: both replicas re-adopted, then r-1's crash and restart.
            await().atMost(WAIT).untilAsserted(() -> assertThat(lifecycleAfterRestart(id)).containsSubsequence(
                    "r-1 RUNNING re-adopted after a restart of the spawner",
                    "r-1 RESTARTING exited (exit code unknown to a spawner that re-adopted it)",
                    "r-1 RUNNING ready")
                    .contains("r-2 RUNNING re-adopted after a restart of the spawner"));
            assertThat(alive(pids.get(1))).isTrue();

            send("DELETE", deployment(id), null, 204);
            assertThat(STARTED).noneMatch(DeploymentRestartIT::alive);
        } finally {
            spawner.close();
        }
    }

    @Test
    void aRolloutStoppedByARestartIsCarriedOnByTheNextSpawnerToTheEnd() throws IOException {
        spawner = start();
        String id = json(send("POST", "/api/v1/projects",
                """
                        {"name": "upgrader", "chainType": "anvil", "replicas": {"total": 2, "locations": [{"name": "local", "count": 2}]}}
                        """,
                201)).get("id").asString();
        Path anvil = TestBinaries.required("chain-monitor.test.anvil");
        upload(id, Files.readAllBytes(anvil));
        send("POST", deployment(id), null, 202);
        UPGRADED.addAll(awaitRunningPids(id, 2));
        // The new release takes a few seconds to come up, so the spawner stops while its rollout is under way.
        byte[] slowRelease = ("#!/bin/sh\nsleep 3\nexec " + anvil.toAbsolutePath() + " \"$@\"\n")
                .getBytes(StandardCharsets.UTF_8);
        String release = NodeFiles.sha256(slowRelease);

        try {
            upload(id, slowRelease);
            await().atMost(WAIT).until(() -> "rolling".equals(
                    json(send("GET", deployment(id), null, 200)).get("rollout").get("state").asString()));
            spawner.close();

            spawner = start();
            await().atMost(WAIT.multipliedBy(2)).untilAsserted(() -> {
                JsonNode now = json(send("GET", deployment(id), null, 200));
                assertThat(now.get("rollout").get("state").asString()).isEqualTo("done");
                assertThat(now.get("replicas").valueStream().map(r -> r.get("id").asString() + " "
                        + r.get("state").asString() + " " + r.get("binarySha256").asString()))
                        .containsExactlyInAnyOrder("r-1 RUNNING " + release, "r-2 RUNNING " + release);
            });
            JsonNode replica = json(send("GET", deployment(id), null, 200)).get("replicas").get(1);
            UPGRADED.add(replica.get("pid").asLong());
            new JsonRpcTestClient(null, null).call(replica.get("rpcUrl").asString(), "eth_blockNumber");
            // Audit entries leave through the outbox, a moment after the change.
            await().atMost(WAIT).untilAsserted(() -> assertThat(TopicReader.eventsOf("cm.audit.v1", id).stream()
                    .map(Envelope::data).filter(AuditEntry.class::isInstance)
                    .map(entry -> ((AuditEntry) entry).action()))
                    .contains("deployment.rollout-started", "deployment.rollout-done"));
        } finally {
            try {
                send("DELETE", deployment(id), null, 204);
            } finally {
                spawner.close();
            }
        }
    }

    /** {@code <replica> <state> <reason>} of the project's replica lifecycle events since the first re-adoption. */
    private static List<String> lifecycleAfterRestart(String id) {
        List<String> all = TopicReader.eventsOf("cm.projects.v1", id).stream().map(Envelope::data)
                .filter(ReplicaLifecycle.class::isInstance).map(ReplicaLifecycle.class::cast)
                .map(event -> event.replicaId() + " " + event.state() + " "
                        + (event.reason() == null ? "" : event.reason().replaceAll("; restart in .*", "")))
                .map(String::strip).toList();
        int first = all.indexOf(all.stream().filter(line -> line.contains("re-adopted")).findFirst().orElse(""));
        return first < 0 ? List.of() : all.subList(first, all.size());
    }

    /** A spawner on the shared broker and a database of its own; arguments, which win over its configuration file. */
    private ConfigurableApplicationContext start() {
        Map<String, String> settings = Map.ofEntries(
                Map.entry("server.port", "0"),
                Map.entry("management.server.port", "0"),
                Map.entry("chain-monitor.heartbeat.enabled", "false"),
                Map.entry("chain-monitor.security.jwt.hmac-secret", JwtTestTokens.DEFAULT_HMAC_SECRET),
                Map.entry("chain-monitor.security.node-rpc-secret", SpawnerIT.NODE_RPC_SECRET),
                Map.entry("chain-monitor.spawner.binary.store", DATA.resolve("binaries").toString()),
                Map.entry("chain-monitor.spawner.runtime.data-directory", DATA.resolve("replicas").toString()),
                Map.entry("chain-monitor.spawner.supervision.initial-backoff", "200ms"),
                Map.entry("chain-monitor.spawner.telemetry.enabled", "false"),
                Map.entry("spring.kafka.bootstrap-servers", EmbeddedInfrastructure.bootstrapServers()),
                Map.entry("spring.datasource.url", EmbeddedInfrastructure.jdbcUrl("spawner_restart")),
                Map.entry("spring.datasource.username", EmbeddedInfrastructure.postgres().username()),
                Map.entry("spring.datasource.password", EmbeddedInfrastructure.postgres().password()));
        return SpawnerApplication.builder()
                .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    /** A replica process of a project nobody deployed, left running in the data directory as a crashed spawner would. */
    private static RunningReplica leftOrphan() throws IOException {
        Path node = DATA.resolve("orphan.sh");
        Files.writeString(node, "#!/bin/sh\nsleep 120\n");
        Files.setPosixFilePermissions(node, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessReplicaRuntime runtime = new ProcessReplicaRuntime(new SpawnerProperties.Runtime(
                DATA.resolve("replicas"), null, null, null, null, null, null), Set.of("local"), Clock.systemUTC());
        RunningReplica orphan = runtime.start(new ReplicaSpec(new ReplicaKey("no-such-project", "r-1"), "anvil",
                "local", node, List.of(), Map.of(), null, Set.of(PortRole.RPC), null));
        runtime.release();
        return orphan;
    }

    private List<Long> awaitRunningPids(String id, int count) {
        List<Long> pids = new ArrayList<>();
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode replicas = json(send("GET", deployment(id), null, 200)).get("replicas");
            assertThat(replicas.valueStream().map(replica -> replica.get("state").asString())).hasSize(count)
                    .containsOnly("RUNNING");
            pids.clear();
            replicas.valueStream().map(replica -> replica.get("pid").asLong()).forEach(pids::add);
        });
        return List.copyOf(pids);
    }

    private void upload(String id, byte[] content) {
        HttpRequest request = request("/api/v1/projects/" + id + "/binary")
                .header("X-Expected-SHA256", NodeFiles.sha256(content))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build();
        check(request, 200);
    }

    private HttpResponse<String> send(String method, String path, String body, int status) {
        return check(request(path).header("Content-Type", "application/json")
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build(), status);
    }

    private HttpResponse<String> check(HttpRequest request, int status) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
            return response;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        String port = spawner.getEnvironment().getProperty("local.server.port");
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization",
                "Bearer " + TOKEN);
    }

    private static String deployment(String id) {
        return "/api/v1/projects/" + id + "/deployment";
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent();
    }
}
