package io.chainmonitor.spawner.runtime.kubernetes;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import io.chainmonitor.spawner.SpawnerProperties;
import io.chainmonitor.spawner.SpawnerProperties.KubernetesData;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The kubernetes runtime against fabric8's mock API server in CRUD mode. Nothing runs pods there, so the tests play
 * the kubelet: once the runtime created a pod they write its status (Running and Ready, or terminated).
 */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesReplicaRuntimeTest {

    private static final String NAMESPACE = "replicas";
    private static final ReplicaKey KEY = new ReplicaKey("p-1", "r-1");
    private static final String NAME = "cm-p-1-r-1";

    KubernetesClient client;
    KubernetesMockServer server;

    @TempDir
    Path temp;

    private Path binary;
    private String sha256;
    private KubernetesReplicaRuntime runtime;
    private BinaryGrants grants;
    private final List<Integer> exits = new CopyOnWriteArrayList<>();
    private final List<OutputLine> output = new CopyOnWriteArrayList<>();

    @BeforeEach
    void binary() throws Exception {
        binary = Files.writeString(temp.resolve("litecoind"), "#!/bin/sh\nexec sleep 600\n");
        sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(binary)));
    }

    @AfterEach
    void close() {
        if (runtime != null) {
            runtime.close();
        }
    }

    private KubernetesReplicaRuntime runtime(KubernetesData data, Duration startTimeout, boolean adopt) {
        return runtime(data, startTimeout, adopt, false);
    }

    private KubernetesReplicaRuntime runtime(KubernetesData data, Duration startTimeout, boolean adopt,
            boolean keepOnShutdown) {
        SpawnerProperties.Runtime settings = new SpawnerProperties.Runtime(temp.resolve("replicas"),
                Duration.ofSeconds(12), null, null, adopt, keepOnShutdown, null);
        SpawnerProperties.Kubernetes kubernetes = new SpawnerProperties.Kubernetes(NAMESPACE,
                Map.of("litecoin", "chain-monitor/litecoin-base:1"), null, null,
                URI.create("http://spawner.chain-monitor.svc:8081/"), null, data, "fast-ssd", DataSize.ofGigabytes(20),
                "500m", "2", DataSize.ofMegabytes(512), DataSize.ofGigabytes(1), startTimeout);
        grants = new BinaryGrants(kubernetes.binaryTokenTtl(), Clock.systemUTC());
        runtime = new KubernetesReplicaRuntime(client, settings, kubernetes,
                Map.of("eu-a", "zone=eu-west-1a", "eu", "region=eu-west-1"), grants, Clock.systemUTC());
        runtime.addListener(new ReplicaListener() {
            @Override
            public void onExit(ReplicaKey key, Integer exitCode) {
                exits.add(exitCode);
            }

            @Override
            public void onOutput(ReplicaKey key, OutputLine line) {
                output.add(line);
            }
        });
        return runtime;
    }

    private ReplicaSpec spec(String location, ReadinessProbe readiness) {
        return new ReplicaSpec(KEY, "litecoin", location, binary,
                List.of("-datadir={dataDir}", "-rpcport={rpcPort}", "-port={p2pPort}", "-printtoconsole",
                        "-rpcbind={bindHost}", "-rpcallowip={rpcAllowFrom}", "-addnode={replicaHost:r-2}:19444"),
                Map.of("TZ", "UTC"), null, EnumSet.of(PortRole.RPC, PortRole.P2P), readiness,
                Map.of(PortRole.RPC, 19443, PortRole.P2P, 19444));
    }

    private CompletableFuture<RunningReplica> startInBackground(ReplicaSpec spec) {
        return CompletableFuture.supplyAsync(() -> runtime.start(spec));
    }

    private Pod awaitPod() {
        return await().until(() -> client.pods().inNamespace(NAMESPACE).withName(NAME).get(), pod -> pod != null);
    }

    /** What the kubelet would write once the node container's readiness probe passes. */
    private void kubeletReportsReady() {
        client.pods().inNamespace(NAMESPACE).withName(NAME).editStatus(pod -> new PodBuilder(pod).withNewStatus()
                .withPhase("Running").addNewCondition().withType("Ready").withStatus("True").endCondition()
                .endStatus().build());
    }

    /** What the kubelet would write once a container of the pod terminated. */
    private void kubeletReportsTerminated(String container, int exitCode, boolean init) {
        client.pods().inNamespace(NAMESPACE).withName(NAME).editStatus(pod -> {
            PodBuilder builder = new PodBuilder(pod);
            var status = builder.withNewStatus().withPhase("Failed");
            if (init) {
                status.addNewInitContainerStatus().withName(container).withNewState().withNewTerminated()
                        .withExitCode(exitCode).endTerminated().endState().endInitContainerStatus();
            } else {
                status.addNewContainerStatus().withName(container).withNewState().withNewTerminated()
                        .withExitCode(exitCode).endTerminated().endState().endContainerStatus();
            }
            return status.endStatus().build();
        });
    }

    @Test
    void aReplicaIsAPodRequiredInItsZoneWhoseInitContainerFetchesAndVerifiesTheBinary() throws Exception {
        runtime(KubernetesData.EMPTY_DIR, Duration.ofSeconds(30), true);
        ReadinessProbe probe = new ReadinessProbe("getblockchaininfo", "[]", Duration.ofSeconds(60),
                new ReadinessProbe.BasicAuth("cm", "s3cret"));
        CompletableFuture<RunningReplica> starting = startInBackground(spec("eu-a", probe));

        Pod pod = awaitPod();
        kubeletReportsReady();
        RunningReplica started = starting.get();

        assertThat(pod.getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "io.chainmonitor.project", "p-1", "io.chainmonitor.replica", "r-1",
                "io.chainmonitor.chain-type", "litecoin", "io.chainmonitor.location", "eu-a",
                "io.chainmonitor.managed-by", "chain-monitor-spawner"));
        assertThat(pod.getMetadata().getAnnotations()).containsEntry("io.chainmonitor.ports", "rpc-19443.p2p-19444");
        assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getSpec().getTerminationGracePeriodSeconds()).isEqualTo(12L);
        List<NodeSelectorRequirement> affinity = pod.getSpec().getAffinity().getNodeAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms().getFirst()
                .getMatchExpressions();
        assertThat(affinity).singleElement().satisfies(requirement -> {
            assertThat(requirement.getKey()).isEqualTo("topology.kubernetes.io/zone");
            assertThat(requirement.getOperator()).isEqualTo("In");
            assertThat(requirement.getValues()).containsExactly("eu-west-1a");
        });

        Container fetch = pod.getSpec().getInitContainers().getFirst();
        assertThat(pod.getSpec().getInitContainers()).hasSize(1);
        assertThat(fetch.getName()).isEqualTo("fetch-binary");
        assertThat(fetch.getImage()).isEqualTo("busybox:1.37");
        assertThat(fetch.getCommand()).containsExactly("sh", "-c", "set -e; wget -q -O /opt/chain-monitor/bin/node "
                + "\"$CM_BINARY_URL\"; echo \"$CM_BINARY_SHA256  /opt/chain-monitor/bin/node\" | sha256sum -c -; "
                + "chmod 0555 /opt/chain-monitor/bin/node; cp \"$(command -v busybox)\" /opt/chain-monitor/bin/busybox");
        Map<String, String> env = fetch.getEnv().stream()
                .collect(java.util.stream.Collectors.toMap(EnvVar::getName, EnvVar::getValue));
        assertThat(env).containsOnlyKeys("CM_BINARY_URL", "CM_BINARY_SHA256").containsEntry("CM_BINARY_SHA256", sha256);
        String prefix = "http://spawner.chain-monitor.svc:8081/internal/v1/replica-binaries/" + sha256 + "?token=";
        assertThat(env.get("CM_BINARY_URL")).startsWith(prefix);
        // The URL's token is what the spawner's endpoint accepts for that binary, and for no other.
        String token = env.get("CM_BINARY_URL").substring(prefix.length());
        assertThat(grants.granted(sha256, token)).contains(binary.toRealPath());
        assertThat(grants.granted("00".repeat(32), token)).isEmpty();
        assertThat(fetch.getVolumeMounts()).extracting(VolumeMount::getName, VolumeMount::getMountPath,
                VolumeMount::getReadOnly).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("binary",
                                "/opt/chain-monitor/bin", null));

        Container node = pod.getSpec().getContainers().getFirst();
        assertThat(pod.getSpec().getContainers()).hasSize(1);
        assertThat(node.getName()).isEqualTo("node");
        assertThat(node.getImage()).isEqualTo("chain-monitor/litecoin-base:1");
        assertThat(node.getCommand()).containsExactly("/opt/chain-monitor/bin/node");
        // The node listens on the pod's interfaces for its Service, and finds its peers by their Services' names.
        assertThat(node.getArgs()).containsExactly("-datadir=/data", "-rpcport=19443", "-port=19444",
                "-printtoconsole", "-rpcbind=0.0.0.0", "-rpcallowip=0.0.0.0/0",
                "-addnode=cm-p-1-r-2.replicas.svc:19444");
        assertThat(node.getEnv()).extracting(EnvVar::getName, EnvVar::getValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("TZ", "UTC"));
        assertThat(node.getPorts()).extracting(p -> p.getName() + "=" + p.getContainerPort() + "/" + p.getProtocol())
                .containsExactly("rpc=19443/TCP", "p2p=19444/TCP");
        assertThat(node.getResources().getRequests()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "cpu", new Quantity("500m"), "memory", new Quantity("536870912")));
        assertThat(node.getResources().getLimits()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "cpu", new Quantity("2"), "memory", new Quantity("1073741824")));
        assertThat(node.getVolumeMounts()).extracting(VolumeMount::getName, VolumeMount::getMountPath,
                VolumeMount::getReadOnly).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("binary", "/opt/chain-monitor/bin", true),
                        org.assertj.core.groups.Tuple.tuple("data", "/data", null));
        assertThat(node.getReadinessProbe().getExec().getCommand()).containsExactly(
                "/opt/chain-monitor/bin/busybox", "sh", "-c",
                "out=$(/opt/chain-monitor/bin/busybox wget -q -O - -T 5 --header 'Content-Type: application/json' "
                        + "--post-data \"$0\" \"$1\") || exit 1; case \"$out\" in *'\"error\":{'*) exit 1;; "
                        + "*'\"result\"'*) exit 0;; *) exit 1;; esac",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"getblockchaininfo\",\"params\":[]}",
                "http://cm:s3cret@127.0.0.1:19443/");
        assertThat(pod.getSpec().getVolumes()).extracting(v -> v.getName() + ":" + (v.getEmptyDir() != null))
                .containsExactly("binary:true", "data:true");

        Service service = client.services().inNamespace(NAMESPACE).withName(NAME).get();
        assertThat(service.getMetadata().getLabels()).containsEntry("io.chainmonitor.managed-by",
                "chain-monitor-spawner");
        assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(service.getSpec().getSelector()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "io.chainmonitor.project", "p-1", "io.chainmonitor.replica", "r-1"));
        assertThat(service.getSpec().getPorts()).extracting(p -> p.getName() + "=" + p.getPort() + "->"
                + p.getTargetPort().getIntVal()).containsExactly("rpc=19443->19443", "p2p=19444->19444");

        assertThat(started).extracting(RunningReplica::state, RunningReplica::runtime, RunningReplica::rpcUrl,
                RunningReplica::p2pAddress).containsExactly(ReplicaState.RUNNING, RuntimeKind.KUBERNETES,
                        "http://cm-p-1-r-1.replicas.svc:19443", "cm-p-1-r-1.replicas.svc:19444");
    }

    @Test
    void aRegionLocationWithPersistentDataGetsARegionAffinityAndAClaimThatOutlivesThePod() throws Exception {
        runtime(KubernetesData.PERSISTENT_VOLUME_CLAIM, Duration.ofSeconds(30), true);
        CompletableFuture<RunningReplica> starting = startInBackground(spec("eu", null));
        Pod pod = awaitPod();
        kubeletReportsReady();
        starting.get();

        assertThat(pod.getSpec().getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
                .getNodeSelectorTerms().getFirst().getMatchExpressions().getFirst())
                .extracting(NodeSelectorRequirement::getKey, NodeSelectorRequirement::getValues)
                .containsExactly("topology.kubernetes.io/region", List.of("eu-west-1"));
        assertThat(pod.getSpec().getVolumes().get(1).getPersistentVolumeClaim().getClaimName()).isEqualTo(NAME);
        assertThat(pod.getSpec().getContainers().getFirst().getReadinessProbe()).isNull();
        PersistentVolumeClaim claim = client.persistentVolumeClaims().inNamespace(NAMESPACE).withName(NAME).get();
        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
        assertThat(claim.getSpec().getStorageClassName()).isEqualTo("fast-ssd");
        assertThat(claim.getSpec().getResources().getRequests()).containsEntry("storage",
                new Quantity("21474836480"));

        runtime.stop(KEY);

        assertThat(client.pods().inNamespace(NAMESPACE).withName(NAME).get()).isNull();
        assertThat(client.persistentVolumeClaims().inNamespace(NAMESPACE).withName(NAME).get()).isNotNull();
    }

    @Test
    void aSpawnerShuttingDownWithKeepReplicasLeavesItsPodsRunningAndReportsNoExit() throws Exception {
        runtime(KubernetesData.EMPTY_DIR, Duration.ofSeconds(30), true, true);
        CompletableFuture<RunningReplica> starting = startInBackground(spec("eu-a", null));
        awaitPod();
        kubeletReportsReady();
        starting.get();

        runtime.shutdown();
        runtime = null;

        try (KubernetesClient after = server.createClient()) {
            assertThat(after.pods().inNamespace(NAMESPACE).list().getItems()).extracting(p -> p.getMetadata().getName())
                    .containsExactly(NAME);
            assertThat(after.services().inNamespace(NAMESPACE).list().getItems()).hasSize(1);
        }
        assertThat(exits).isEmpty();
    }

    @Test
    void stoppingAReplicaDeletesItsPodAndServiceAndReportsNoCrash() throws Exception {
        runtime(KubernetesData.EMPTY_DIR, Duration.ofSeconds(30), true);
        CompletableFuture<RunningReplica> starting = startInBackground(spec("eu-a", null));
        awaitPod();
        kubeletReportsReady();
        starting.get();

        runtime.stop(KEY);

        assertThat(client.pods().inNamespace(NAMESPACE).list().getItems()).isEmpty();
        assertThat(client.services().inNamespace(NAMESPACE).list().getItems()).isEmpty();
        assertThat(runtime.status(KEY)).isEmpty();
        assertThat(exits).isEmpty();
    }

    @Test
    void aNodeContainerThatTerminatesIsACrashAndTheReplicaStartsAgainInANewPod() throws Exception {
        runtime(KubernetesData.EMPTY_DIR, Duration.ofSeconds(30), true);
        CompletableFuture<RunningReplica> starting = startInBackground(spec("eu-a", null));
        String firstUid = awaitPod().getMetadata().getUid();
        kubeletReportsReady();
        starting.get();

        kubeletReportsTerminated("node", 139, false);

        await().untilAsserted(() -> assertThat(exits).containsExactly(139));
        assertThat(runtime.status(KEY)).get().extracting(RunningReplica::state, RunningReplica::exitCode)
                .containsExactly(ReplicaState.EXITED, 139);

        CompletableFuture<RunningReplica> again = startInBackground(spec("eu-a", null));
        await().until(() -> client.pods().inNamespace(NAMESPACE).withName(NAME).get(),
                pod -> pod != null && !pod.getMetadata().getUid().equals(firstUid));
        kubeletReportsReady();
        assertThat(again.get().state()).isEqualTo(ReplicaState.RUNNING);
    }

    @Test
    void theNodeContainersLogBecomesOutputLinesOnceThePodIsReady() throws Exception {
        // The mock API server keeps no logs: this one answers the runtime's log request as the kubelet would.
        server.expect().get().withPath("/api/v1/namespaces/replicas/pods/cm-p-1-r-1/log?pretty=false&container=node"
                + "&follow=true").andReturn(200, "Litecoin Core starting\nError: disk full\n").always();
        runtime(KubernetesData.EMPTY_DIR, Duration.ofSeconds(30), true);
        CompletableFuture<RunningReplica> starting = startInBackground(spec("eu-a", null));
        awaitPod();
        kubeletReportsReady();
        starting.get();

        await().untilAsserted(() -> assertThat(output).extracting(OutputLine::stream, OutputLine::lineNumber,
                OutputLine::text).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(OutputLine.Stream.STDOUT, 1L, "Litecoin Core starting"),
                        org.assertj.core.groups.Tuple.tuple(OutputLine.Stream.STDOUT, 2L, "Error: disk full")));
    }

    @Test
    void aReadyPodIsMeasuredThroughTheMetricsApi() throws Exception {
        server.expect().get().withPath("/apis/metrics.k8s.io/v1beta1/namespaces/replicas/pods/cm-p-1-r-1")
                .andReturn(200, new io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsBuilder()
                        .withNewMetadata().withName(NAME).withNamespace(NAMESPACE).endMetadata()
                        .addNewContainer().withName("node").addToUsage("cpu", new Quantity("250m"))
                        .addToUsage("memory", new Quantity("64Mi")).endContainer().build())
                .always();
        runtime(KubernetesData.EMPTY_DIR, Duration.ofSeconds(30), true);
        CompletableFuture<RunningReplica> starting = startInBackground(spec("eu-a", null));
        awaitPod();
        kubeletReportsReady();
        starting.get();

        var usage = runtime.usage(KEY).orElseThrow();

        assertThat(usage.cpuPercent()).isEqualTo(25.0);
        assertThat(usage.memoryBytes()).isEqualTo(64L * 1024 * 1024);
    }

    @Test
    void killingAReplicaDeletesItsPodAtOnceAndReportsTheExit() throws Exception {
        runtime(KubernetesData.EMPTY_DIR, Duration.ofSeconds(30), true);
        CompletableFuture<RunningReplica> starting = startInBackground(spec("eu-a", null));
        awaitPod();
        kubeletReportsReady();
        starting.get();

        runtime.kill(KEY);

        await().untilAsserted(() -> assertThat(exits).hasSize(1));
        assertThat(client.pods().inNamespace(NAMESPACE).withName(NAME).get()).isNull();
    }

    @Test
    void aBinaryThatFailsItsHashCheckEndsThePodBeforeTheNodeStarts() {
        runtime(KubernetesData.EMPTY_DIR, Duration.ofSeconds(30), true);
        CompletableFuture<RunningReplica> starting = startInBackground(spec("eu-a", null));
        awaitPod();

        kubeletReportsTerminated("fetch-binary", 1, true);

        assertThat(starting).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                .havingRootCause().isInstanceOfSatisfying(ReplicaRuntimeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.EXITED_BEFORE_READY);
                    assertThat(e.exitCode()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("pod cm-p-1-r-1 ended with exit code 1");
                });
    }

    @Test
    void aPodThatIsNotReadyInTimeIsDeletedAndReported() {
        runtime(KubernetesData.EMPTY_DIR, Duration.ofMillis(500), true);

        assertThatThrownBy(() -> runtime.start(spec("eu-a", null)))
                .isInstanceOfSatisfying(ReplicaRuntimeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_READY_IN_TIME))
                .hasMessageContaining("was not ready within PT0.5S");
        await().untilAsserted(() -> assertThat(client.pods().inNamespace(NAMESPACE).list().getItems()).isEmpty());
        assertThat(runtime.status(KEY)).isEmpty();
    }

    @Test
    void aPodOfThatNameAlreadyThereIsAConflict() {
        client.pods().inNamespace(NAMESPACE).resource(new PodBuilder().withNewMetadata().withName(NAME).endMetadata()
                .withNewSpec().addNewContainer().withName("x").withImage("busybox").endContainer().endSpec().build())
                .create();
        runtime(KubernetesData.EMPTY_DIR, Duration.ofSeconds(30), true);

        assertThatThrownBy(() -> runtime.start(spec("eu-a", null)))
                .isInstanceOfSatisfying(ReplicaRuntimeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.PLATFORM_CONFLICT))
                .hasMessageContaining("kubernetes: create pod cm-p-1-r-1: the API server answered 409");
        assertThat(runtime.status(KEY)).isEmpty();
    }

    @Test
    void readyPodsOfThisSpawnerAreReAdoptedAndEveryOtherLeftoverIsDeleted() {
        leftover("cm-p-9-r-2", "p-9", "r-2", "eu-a", true);
        leftover("cm-p-9-r-3", "p-9", "r-3", "eu-a", false);
        leftover("cm-p-9-r-4", "p-9", "r-4", "gone-location", true);
        client.services().inNamespace(NAMESPACE).resource(new ServiceBuilder().withNewMetadata()
                .withName("cm-p-8-r-1").withLabels(Map.of(ReplicaLabels.MANAGED_BY, ReplicaLabels.SPAWNER))
                .endMetadata().withNewSpec().addNewPort().withPort(1).endPort().endSpec().build()).create();
        runtime(KubernetesData.EMPTY_DIR, Duration.ofSeconds(30), true);

        List<RunningReplica> adopted = runtime.adoptLeftovers();

        assertThat(adopted).singleElement().satisfies(replica -> {
            assertThat(replica.key()).isEqualTo(new ReplicaKey("p-9", "r-2"));
            assertThat(replica.adopted()).isTrue();
            assertThat(replica.ports()).isEqualTo(Map.of(PortRole.RPC, 41001, PortRole.P2P, 41002));
            assertThat(replica.rpcUrl()).isEqualTo("http://cm-p-9-r-2.replicas.svc:41001");
        });
        assertThat(client.pods().inNamespace(NAMESPACE).list().getItems()).extracting(p -> p.getMetadata().getName())
                .containsExactly("cm-p-9-r-2");
        assertThat(client.services().inNamespace(NAMESPACE).withName("cm-p-8-r-1").get()).isNull();
    }

    @Test
    void withoutAdoptionEveryLeftoverPodIsDeleted() {
        leftover("cm-p-9-r-2", "p-9", "r-2", "eu-a", true);
        runtime(KubernetesData.EMPTY_DIR, Duration.ofSeconds(30), false);

        assertThat(runtime.adoptLeftovers()).isEmpty();

        assertThat(client.pods().inNamespace(NAMESPACE).list().getItems()).isEmpty();
    }

    private void leftover(String name, String project, String replica, String location, boolean ready) {
        Pod pod = new PodBuilder().withNewMetadata().withName(name)
                .withLabels(Map.of(ReplicaLabels.PROJECT, project, ReplicaLabels.REPLICA, replica,
                        ReplicaLabels.CHAIN_TYPE, "litecoin", ReplicaLabels.LOCATION, location,
                        ReplicaLabels.MANAGED_BY, ReplicaLabels.SPAWNER))
                .withAnnotations(Map.of(ReplicaLabels.PORTS, "rpc-41001.p2p-41002")).endMetadata()
                .withNewSpec().addNewContainer().withName("node").withImage("debian").endContainer().endSpec()
                .build();
        client.pods().inNamespace(NAMESPACE).resource(pod).create();
        if (ready) {
            client.pods().inNamespace(NAMESPACE).withName(name).editStatus(p -> new PodBuilder(p).withNewStatus()
                    .withPhase("Running").addNewCondition().withType("Ready").withStatus("True").endCondition()
                    .endStatus().build());
        }
    }

}
