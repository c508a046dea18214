package io.chainmonitor.spawner.runtime.docker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.chainmonitor.spawner.SpawnerProperties;
import io.chainmonitor.spawner.SpawnerProperties.DockerNetwork;
import io.chainmonitor.spawner.runtime.OutputLine;
import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReadinessProbe;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaLabels;
import io.chainmonitor.spawner.runtime.ReplicaListener;
import io.chainmonitor.spawner.runtime.ReplicaRuntimeException;
import io.chainmonitor.spawner.runtime.ReplicaRuntimeException.Reason;
import io.chainmonitor.spawner.runtime.ReplicaSpec;
import io.chainmonitor.spawner.runtime.ReplicaState;
import io.chainmonitor.spawner.runtime.RunningReplica;
import io.chainmonitor.spawner.runtime.RuntimeKind;

import static io.chainmonitor.spawner.runtime.docker.RecordedDockerEngine.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

class DockerReplicaRuntimeTest {

    private static final String IMAGE = "chain-monitor/litecoind-base:1";
    private static final ReplicaKey KEY = new ReplicaKey("p-1", "r-1");
    private static final String NAME = "cm-p-1-r-1";

    @TempDir
    Path temp;

    private RecordedDockerEngine engine;
    private DockerReplicaRuntime runtime;
    private final List<OutputLine> output = new CopyOnWriteArrayList<>();
    private final List<Integer> exits = new CopyOnWriteArrayList<>();
    private Path binary;

    @BeforeEach
    void startEngine() throws IOException {
        engine = new RecordedDockerEngine();
        engine.hasImage(IMAGE);
        binary = Files.writeString(temp.resolve("ab".repeat(32)), "#!/bin/sh\nexec sleep 600\n");
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("r-xr-xr-x"));
    }

    @AfterEach
    void stopAll() {
        if (runtime != null) {
            runtime.close();
        }
        engine.close();
    }

    private DockerReplicaRuntime runtime(DockerNetwork network, boolean adoptLeftovers) {
        return runtime(network, adoptLeftovers, false);
    }

    private DockerReplicaRuntime runtime(DockerNetwork network, boolean adoptLeftovers, boolean keepOnShutdown) {
        SpawnerProperties.Runtime settings = new SpawnerProperties.Runtime(temp.resolve("replicas"),
                Duration.ofSeconds(7), Duration.ofMillis(50), null, adoptLeftovers, keepOnShutdown, null);
        SpawnerProperties.Docker docker = new SpawnerProperties.Docker(Map.of("litecoin", IMAGE), null,
                DataSize.ofMegabytes(768), 1.5, network, null, Duration.ofSeconds(5), Duration.ofSeconds(5));
        runtime = new DockerReplicaRuntime(settings, docker, Map.of("dock-a", engine.url()), Clock.systemUTC());
        runtime.addListener(new ReplicaListener() {
            @Override
            public void onOutput(ReplicaKey key, OutputLine line) {
                output.add(line);
            }

            @Override
            public void onExit(ReplicaKey key, Integer exitCode) {
                exits.add(exitCode);
            }
        });
        return runtime;
    }

    private ReplicaSpec spec(Map<PortRole, Integer> ports, ReadinessProbe readiness) {
        return new ReplicaSpec(KEY, "litecoin", "dock-a", binary,
                List.of("-datadir={dataDir}", "-rpcport={rpcPort}", "-port={p2pPort}", "-printtoconsole",
                        "-rpcbind={bindHost}", "-addnode={replicaHost:r-2}:19444"),
                Map.of("TZ", "UTC"), null, EnumSet.of(PortRole.RPC, PortRole.P2P), readiness, ports);
    }

    @Test
    void aReplicaIsAContainerOfItsChainTypesImageRunningTheMountedBinaryWithTheCatalogArguments() throws Exception {
        DockerReplicaRuntime docker = runtime(DockerNetwork.BRIDGE, true);
        Map<PortRole, Integer> ports = docker.reservePorts(Set.of(PortRole.RPC, PortRole.P2P));
        engine.writes(NAME, 1, "Litecoin Core starting\nloading block index\n");
        engine.writes(NAME, 2, "Error: something odd\n");

        RunningReplica started = docker.start(spec(ports, null));

        Path data = temp.resolve("replicas/p-1/r-1").toAbsolutePath();
        String owner = Files.getAttribute(data, "unix:uid") + ":" + Files.getAttribute(data, "unix:gid");
        int rpc = ports.get(PortRole.RPC);
        int p2p = ports.get(PortRole.P2P);
        RecordedDockerEngine.Request create = engine.only("POST /containers/create");
        assertThat(create.query()).containsEntry("name", NAME);
        // Docker reads an empty restart policy name as "no": the spawner, not the engine, restarts replicas.
        assertThat(withoutNulls(create.body())).isEqualTo(JSON.readTree("""
                {"User": "%s", "AttachStdin": false, "AttachStdout": true, "AttachStderr": true, "Tty": false,
                 "Env": ["TZ=UTC"],
                 "Cmd": ["-datadir=/data", "-rpcport=%d", "-port=%d", "-printtoconsole", "-rpcbind=0.0.0.0",
                         "-addnode=host.docker.internal:19444"],
                 "Entrypoint": ["/opt/chain-monitor/node"],
                 "Image": "chain-monitor/litecoind-base:1", "Volumes": {}, "WorkingDir": "/data",
                 "ExposedPorts": {"%d/tcp": {}, "%d/tcp": {}},
                 "HostConfig": {
                   "Binds": ["%s:/opt/chain-monitor/node:ro", "%s:/data:rw"],
                   "NanoCpus": 1500000000, "Memory": 805306368, "NetworkMode": "bridge",
                   "ExtraHosts": ["host.docker.internal:host-gateway"],
                   "PortBindings": {"%d/tcp": [{"HostIp": "127.0.0.1", "HostPort": "%d"}],
                                    "%d/tcp": [{"HostIp": "127.0.0.1", "HostPort": "%d"}]},
                   "RestartPolicy": {"MaximumRetryCount": 0, "Name": ""}},
                 "Labels": {"io.chainmonitor.project": "p-1", "io.chainmonitor.replica": "r-1",
                   "io.chainmonitor.chain-type": "litecoin", "io.chainmonitor.location": "dock-a",
                   "io.chainmonitor.managed-by": "chain-monitor-spawner",
                   "io.chainmonitor.ports": "rpc-%d.p2p-%d"}}
                """.formatted(owner, rpc, p2p, p2p, rpc, binary.toRealPath(), data, p2p, p2p, rpc, rpc, rpc, p2p)));
        String id = engine.byName(NAME).id;
        await().untilAsserted(() -> assertThat(engine.lines()).containsExactly("GET /images/" + IMAGE + "/json",
                "POST /containers/create", "POST /containers/" + id + "/start", "GET /containers/" + id + "/json",
                "GET /containers/" + id + "/logs"));
        assertThat(engine.only("GET /containers/" + id + "/logs").query()).containsEntry("follow", "true")
                .containsEntry("stdout", "true").containsEntry("stderr", "true");
        assertThat(started).extracting(RunningReplica::state, RunningReplica::runtime, RunningReplica::pid,
                RunningReplica::rpcUrl, RunningReplica::p2pAddress).containsExactly(ReplicaState.RUNNING,
                        RuntimeKind.DOCKER, 4242L, "http://127.0.0.1:" + rpc, "127.0.0.1:" + p2p);
        await().untilAsserted(() -> assertThat(output).extracting(OutputLine::stream, OutputLine::lineNumber,
                OutputLine::text).containsExactlyInAnyOrder(
                        tuple(OutputLine.Stream.STDOUT, 1L, "Litecoin Core starting"),
                        tuple(OutputLine.Stream.STDOUT, 2L, "loading block index"),
                        tuple(OutputLine.Stream.STDERR, 1L, "Error: something odd")));
    }

    @Test
    void onTheHostNetworkNothingIsPublishedAndTheNodeKeepsItsLoopbackPorts() throws Exception {
        DockerReplicaRuntime docker = runtime(DockerNetwork.HOST, true);

        RunningReplica started = docker.start(spec(Map.of(), null));

        JsonNode body = withoutNulls(engine.only("POST /containers/create").body());
        assertThat(body.path("HostConfig").path("NetworkMode").asString()).isEqualTo("host");
        assertThat(body.path("HostConfig").has("PortBindings")).isFalse();
        assertThat(body.path("ExposedPorts").isEmpty()).isTrue();
        assertThat(body.path("Cmd").get(1).asString()).isEqualTo("-rpcport=" + started.ports().get(PortRole.RPC));
    }

    @Test
    void aReplicaIsRunningOnceItsReadinessProbeAnswersOnItsPublishedPort() throws Exception {
        DockerReplicaRuntime docker = runtime(DockerNetwork.BRIDGE, true);
        Map<PortRole, Integer> ports = docker.reservePorts(Set.of(PortRole.RPC, PortRole.P2P));
        List<String> probes = new CopyOnWriteArrayList<>();
        HttpServer node = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), ports.get(PortRole.RPC)), 0);
        node.createContext("/", exchange -> {
            probes.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"blocks\":0}}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        node.start();
        try {
            RunningReplica started = docker.start(
                    spec(ports, ReadinessProbe.of("getblockchaininfo", Duration.ofSeconds(20))));

            assertThat(started.state()).isEqualTo(ReplicaState.RUNNING);
            assertThat(probes).isNotEmpty().allSatisfy(probe -> assertThat(probe).contains("getblockchaininfo"));
        } finally {
            node.stop(0);
        }
    }

    @Test
    void aReplicaWhoseProbeNeverAnswersIsRemovedAndReportedNotReady() {
        DockerReplicaRuntime docker = runtime(DockerNetwork.BRIDGE, true);
        Map<PortRole, Integer> ports = docker.reservePorts(Set.of(PortRole.RPC, PortRole.P2P));

        assertThatThrownBy(() -> docker.start(spec(ports, ReadinessProbe.of("getblockchaininfo",
                Duration.ofMillis(300))))).isInstanceOfSatisfying(ReplicaRuntimeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_READY_IN_TIME))
                .hasMessageContaining("did not answer getblockchaininfo on 127.0.0.1:" + ports.get(PortRole.RPC));
        assertThat(engine.containers()).isEmpty();
    }

    @Test
    void stoppingAReplicaStopsItsContainerWithTheGracePeriodThenRemovesIt() throws Exception {
        DockerReplicaRuntime docker = runtime(DockerNetwork.BRIDGE, true);
        RunningReplica started = docker.start(spec(Map.of(), null));
        String id = engine.byName(NAME).id;

        docker.stop(KEY);

        assertThat(engine.only("POST /containers/" + id + "/stop").query()).containsEntry("t", "7");
        assertThat(engine.only("DELETE /containers/" + id).query()).containsEntry("force", "true");
        // The log stream is opened on a docker-java thread of its own, so its GET may be recorded at any point.
        assertThat(engine.lines().stream().filter(line -> !line.endsWith("/logs")).toList())
                .containsSubsequence("POST /containers/" + id + "/stop", "DELETE /containers/" + id)
                .last().isEqualTo("DELETE /containers/" + id);
        assertThat(engine.containers()).isEmpty();
        assertThat(docker.status(KEY)).isEmpty();
        assertThat(exits).isEmpty();
        // Its ports are free again: a new reservation may hand them out.
        assertThat(docker.reservePorts(Set.of())).isEmpty();
        assertThat(started.ports()).hasSize(2);
    }

    @Test
    void aSpawnerShuttingDownWithKeepReplicasLeavesItsContainersRunningAndReportsNoExit() throws Exception {
        DockerReplicaRuntime docker = runtime(DockerNetwork.BRIDGE, true, true);
        docker.start(spec(Map.of(), null));
        String id = engine.byName(NAME).id;

        docker.shutdown();
        runtime = null;

        assertThat(engine.lines()).noneMatch(line -> line.contains("/stop") || line.startsWith("DELETE"));
        assertThat(engine.containers()).hasSize(1);
        assertThat(exits).isEmpty();
        assertThat(engine.byName(NAME).id).isEqualTo(id);
    }

    @Test
    void aSpawnerShuttingDownWithoutKeepReplicasStopsAndRemovesItsContainers() throws Exception {
        DockerReplicaRuntime docker = runtime(DockerNetwork.BRIDGE, true, false);
        docker.start(spec(Map.of(), null));
        String id = engine.byName(NAME).id;

        docker.shutdown();
        runtime = null;

        assertThat(engine.lines()).contains("POST /containers/" + id + "/stop", "DELETE /containers/" + id);
        assertThat(engine.containers()).isEmpty();
    }

    @Test
    void aContainerThatEndsByItselfIsReportedAsACrashAndRestartsOnTheSamePorts() throws Exception {
        DockerReplicaRuntime docker = runtime(DockerNetwork.BRIDGE, true);
        RunningReplica first = docker.start(spec(Map.of(), null));
        String crashed = engine.byName(NAME).id;

        engine.crash(crashed, 137);

        await().untilAsserted(() -> assertThat(exits).containsExactly(137));
        assertThat(docker.status(KEY)).get().extracting(RunningReplica::state, RunningReplica::exitCode)
                .containsExactly(ReplicaState.EXITED, 137);

        RunningReplica second = docker.start(spec(Map.of(), null));

        assertThat(engine.lines()).contains("DELETE /containers/" + crashed);
        assertThat(second.ports()).isEqualTo(first.ports());
        assertThat(engine.byName(NAME).id).isNotEqualTo(crashed);
    }

    @Test
    void killingAReplicaKillsItsContainerAndReportsTheExit() throws Exception {
        DockerReplicaRuntime docker = runtime(DockerNetwork.BRIDGE, true);
        docker.start(spec(Map.of(), null));
        String id = engine.byName(NAME).id;

        docker.kill(KEY);

        assertThat(engine.lines()).contains("POST /containers/" + id + "/kill");
        await().untilAsserted(() -> assertThat(exits).containsExactly(137));
    }

    @Test
    void aRunningContainerIsMeasuredThroughTheStatsApi() throws Exception {
        DockerReplicaRuntime docker = runtime(DockerNetwork.HOST, true);
        docker.start(spec(Map.of(), null));
        String id = engine.byName(NAME).id;

        var usage = docker.usage(KEY).orElseThrow();

        assertThat(engine.only("GET /containers/" + id + "/stats").query()).containsEntry("stream", "0");
        // (300 - 100) ms of container CPU over 2 s of host CPU time, on 2 CPUs: 20 % of one CPU.
        assertThat(usage.cpuPercent()).isEqualTo(20.0);
        assertThat(usage.memoryBytes()).isEqualTo(52_428_800L);
        assertThat(usage.receivedBytes()).isEqualTo(1024L);
        assertThat(usage.transmittedBytes()).isEqualTo(2048L);
        docker.stop(KEY);
        assertThat(docker.usage(KEY)).isEmpty();
    }

    @Test
    void runningContainersOfThisSpawnerAreReAdoptedAndEveryOtherLeftoverIsRemoved() {
        Map<String, String> labels = Map.of(ReplicaLabels.PROJECT, "p-9", ReplicaLabels.REPLICA, "r-2",
                ReplicaLabels.CHAIN_TYPE, "litecoin", ReplicaLabels.LOCATION, "dock-a", ReplicaLabels.MANAGED_BY,
                ReplicaLabels.SPAWNER, ReplicaLabels.PORTS, "rpc-41001.p2p-41002");
        RecordedDockerEngine.Container running = engine.existing("cm-p-9-r-2", labels, true);
        RecordedDockerEngine.Container exited = engine.existing("cm-p-9-r-3",
                relabel(labels, ReplicaLabels.REPLICA, "r-3"), false);
        RecordedDockerEngine.Container elsewhere = engine.existing("cm-p-9-r-4",
                relabel(labels, ReplicaLabels.LOCATION, "gone-location"), true);
        DockerReplicaRuntime docker = runtime(DockerNetwork.BRIDGE, true);

        List<RunningReplica> adopted = docker.adoptLeftovers();

        assertThat(engine.only("GET /containers/json").query()).containsEntry("all", "true")
                .containsEntry("filters", "{\"label\":[\"io.chainmonitor.managed-by=chain-monitor-spawner\"]}");
        assertThat(adopted).singleElement().satisfies(replica -> {
            assertThat(replica.key()).isEqualTo(new ReplicaKey("p-9", "r-2"));
            assertThat(replica.adopted()).isTrue();
            assertThat(replica.state()).isEqualTo(ReplicaState.RUNNING);
            assertThat(replica.ports()).isEqualTo(Map.of(PortRole.RPC, 41001, PortRole.P2P, 41002));
        });
        await().untilAsserted(() -> assertThat(engine.lines()).contains("DELETE /containers/" + exited.id,
                "DELETE /containers/" + elsewhere.id, "GET /containers/" + running.id + "/logs")
                .doesNotContain("DELETE /containers/" + running.id));
        assertThat(engine.containers()).containsOnlyKeys(running.id);
    }

    @Test
    void withoutAdoptionEveryLeftoverContainerIsRemoved() {
        RecordedDockerEngine.Container running = engine.existing("cm-p-9-r-2", Map.of(ReplicaLabels.PROJECT, "p-9",
                ReplicaLabels.REPLICA, "r-2", ReplicaLabels.LOCATION, "dock-a", ReplicaLabels.MANAGED_BY,
                ReplicaLabels.SPAWNER), true);
        DockerReplicaRuntime docker = runtime(DockerNetwork.BRIDGE, false);

        assertThat(docker.adoptLeftovers()).isEmpty();

        assertThat(engine.lines()).contains("DELETE /containers/" + running.id);
        assertThat(engine.containers()).isEmpty();
    }

    @Test
    void aMissingImageIsPulledBeforeTheContainerIsCreated() throws Exception {
        DockerReplicaRuntime docker = runtime(DockerNetwork.HOST, true);
        SpawnerProperties.Docker settings = new SpawnerProperties.Docker(null, null, null, null, null, null, null,
                null);
        assertThat(settings.imageFor("litecoin")).isEqualTo("debian:bookworm-slim");
        engine.fail("GET /images/" + IMAGE + "/json", 404, "No such image: " + IMAGE);

        docker.start(spec(Map.of(), null));

        assertThat(engine.only("POST /images/create").query()).containsEntry("fromImage", IMAGE);
        assertThat(engine.lines()).containsSubsequence("POST /images/create", "POST /containers/create");
    }

    @Test
    void anImageThatCannotBePulledIsATypedErrorAndNothingIsCreated() {
        DockerReplicaRuntime docker = runtime(DockerNetwork.HOST, true);
        engine.fail("GET /images/" + IMAGE + "/json", 404, "No such image: " + IMAGE);
        engine.fail("POST /images/create", 404, "pull access denied for chain-monitor/litecoind-base");

        assertThatThrownBy(() -> docker.start(spec(Map.of(), null)))
                .isInstanceOfSatisfying(ReplicaRuntimeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.IMAGE_UNAVAILABLE))
                .hasMessageContaining(IMAGE).hasMessageContaining("pull access denied");
        assertThat(engine.lines()).doesNotContain("POST /containers/create");
    }

    @Test
    void aNameConflictOnCreateIsAConflictErrorNamingTheHostTheCallAndTheEnginesWords() {
        DockerReplicaRuntime docker = runtime(DockerNetwork.HOST, true);
        engine.fail("POST /containers/create", 409, "Conflict. The container name \"/cm-p-1-r-1\" is already in use");

        assertThatThrownBy(() -> docker.start(spec(Map.of(), null)))
                .isInstanceOfSatisfying(ReplicaRuntimeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.PLATFORM_CONFLICT))
                .hasMessageContaining("docker host " + engine.url() + " (location dock-a)")
                .hasMessageContaining("create container cm-p-1-r-1")
                .hasMessageContaining("is already in use");
        assertThat(docker.status(KEY)).isEmpty();
    }

    @Test
    void anEngineFailingToStartTheContainerIsAnEngineErrorAndTheContainerIsRemoved() {
        DockerReplicaRuntime docker = runtime(DockerNetwork.HOST, true);
        engine.fail("POST /containers/{id}/start", 500, "OCI runtime create failed: exec format error");

        assertThatThrownBy(() -> docker.start(spec(Map.of(), null)))
                .isInstanceOfSatisfying(ReplicaRuntimeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.PLATFORM_ERROR))
                .hasMessageContaining("answered 500").hasMessageContaining("exec format error");
        assertThat(engine.containers()).isEmpty();
        assertThat(docker.status(KEY)).isEmpty();
    }

    @Test
    void stoppingAContainerTheEngineNoLongerKnowsStillForgetsTheReplica() throws Exception {
        DockerReplicaRuntime docker = runtime(DockerNetwork.HOST, true);
        docker.start(spec(Map.of(), null));
        engine.fail("POST /containers/{id}/stop", 404, "No such container");
        engine.fail("DELETE /containers/{id}", 404, "No such container");

        docker.stop(KEY);

        assertThat(docker.status(KEY)).isEmpty();
    }

    @Test
    void anEngineThatCannotBeReachedIsAnUnreachableError() throws Exception {
        DockerReplicaRuntime docker = runtime(DockerNetwork.HOST, true);
        engine.close();

        assertThatThrownBy(() -> docker.start(spec(Map.of(), null)))
                .isInstanceOfSatisfying(ReplicaRuntimeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.PLATFORM_UNREACHABLE))
                .hasMessageContaining("cannot be reached");
        assertThat(docker.adoptLeftovers()).isEmpty();
    }

    @Test
    void aLocationThatIsNoDockerLocationIsRefused() {
        DockerReplicaRuntime docker = runtime(DockerNetwork.HOST, true);
        ReplicaSpec elsewhere = new ReplicaSpec(KEY, "litecoin", "local", binary, List.of(), Map.of(), null,
                Set.of(), null);

        assertThat(docker.serves("dock-a")).isTrue();
        assertThat(docker.serves("local")).isFalse();
        assertThatThrownBy(() -> docker.start(elsewhere)).isInstanceOfSatisfying(ReplicaRuntimeException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_LOCATION));
    }

    private static Map<String, String> relabel(Map<String, String> labels, String key, String value) {
        Map<String, String> changed = new java.util.HashMap<>(labels);
        changed.put(key, value);
        return changed;
    }

    /** The body without the members docker-java sends as null, which the engine reads as absent. */
    private static JsonNode withoutNulls(String body) {
        JsonNode tree = JSON.readTree(body);
        strip(tree);
        return tree;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> nulls = new ArrayList<>();
            object.properties().forEach(e -> {
                if (e.getValue().isNull()) {
                    nulls.add(e.getKey());
                } else {
                    strip(e.getValue());
                }
            });
            nulls.forEach(object::remove);
        } else if (node.isArray()) {
            node.forEach(DockerReplicaRuntimeTest::strip);
        }
    }
}
