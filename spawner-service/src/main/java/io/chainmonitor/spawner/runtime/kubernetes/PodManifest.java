package io.chainmonitor.spawner.runtime.kubernetes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;

import io.chainmonitor.spawner.SpawnerProperties;
import io.chainmonitor.spawner.SpawnerProperties.KubernetesData;
import io.chainmonitor.spawner.runtime.NodeAddressing;
import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReadinessProbe;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaLabels;
import io.chainmonitor.spawner.runtime.ReplicaSpec;

/**
 * What a replica is in Kubernetes: a bare Pod (restart policy {@code Never}: the spawner's supervisor restarts it and
 * sees every crash), required onto its location's zone or region, whose init container downloads the binary from the
 * spawner and checks its SHA-256 before the node container runs it from a read-only volume; and a Service for its
 * ports.
 */
final class PodManifest {

    static final String NODE = "node";
    static final String FETCH = "fetch-binary";
    static final String BINARY_DIRECTORY = "/opt/chain-monitor/bin";
    static final String BINARY_PATH = BINARY_DIRECTORY + "/node";
    static final String BUSYBOX_PATH = BINARY_DIRECTORY + "/busybox";
    static final String DATA_PATH = "/data";
    private static final String FETCH_SCRIPT = "set -e; wget -q -O " + BINARY_PATH + " \"$CM_BINARY_URL\"; "
            + "echo \"$CM_BINARY_SHA256  " + BINARY_PATH + "\" | sha256sum -c -; chmod 0555 " + BINARY_PATH + "; "
            + "cp \"$(command -v busybox)\" " + BUSYBOX_PATH;
    // Kubernetes probes cannot POST: the readiness call runs inside the pod with the busybox the init container
    // left beside the binary, on the node's own loopback. The request body is the script's $0.
    private static final String PROBE_SCRIPT = "out=$(" + BUSYBOX_PATH + " wget -q -O - -T 5 "
            + "--header 'Content-Type: application/json' --post-data \"$0\" \"$1\") || exit 1; "
            + "case \"$out\" in *'\"error\":{'*) exit 1;; *'\"result\"'*) exit 0;; *) exit 1;; esac";

    private PodManifest() {
    }

    /** The name of the replica's pod, service and claim: a DNS label. */
    /**
     * A pod's node listens on every interface, so that its Service reaches it, and accepts RPC from any address:
     * which pods may reach it is the namespace's NetworkPolicy's business (the chart lets only the chain watcher and the
     * wire listener in). Peers are the other replicas' Services, by their cluster DNS names.
     */
    static NodeAddressing addressing(String projectId, String namespace) {
        return new NodeAddressing("0.0.0.0", "0.0.0.0/0",
                replica -> nameOf(new ReplicaKey(projectId, replica)) + "." + namespace + ".svc");
    }

    static String nameOf(ReplicaKey key) {
        String name = ("cm-" + key.projectId() + "-" + key.replicaId()).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]", "-");
        if (name.length() <= 63) {
            return name.replaceAll("-+$", "");
        }
        String hash = HexFormat.of().formatHex(sha256(key.toString())).substring(0, 10);
        return name.substring(0, 52).replaceAll("-+$", "") + "-" + hash;
    }

    static Pod pod(ReplicaSpec spec, Map<PortRole, Integer> ports, Placement placement, String namespace,
            String binaryUrl, String sha256, SpawnerProperties.Kubernetes settings, long stopGraceSeconds) {
        String name = nameOf(spec.key());
        Map<String, String> labels = ReplicaLabels.of(spec.key(), spec.chainType(), spec.location());
        Container fetch = new ContainerBuilder().withName(FETCH).withImage(settings.initImage())
                .withCommand("sh", "-c", FETCH_SCRIPT)
                .withEnv(new EnvVar("CM_BINARY_URL", binaryUrl, null), new EnvVar("CM_BINARY_SHA256", sha256, null))
                .withVolumeMounts(new VolumeMountBuilder().withName("binary").withMountPath(BINARY_DIRECTORY).build())
                .build();
        List<EnvVar> environment = spec.environment().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(variable -> new EnvVar(variable.getKey(), variable.getValue(), null)).toList();
        ContainerBuilder node = new ContainerBuilder().withName(NODE).withImage(settings.imageFor(spec.chainType()))
                .withCommand(BINARY_PATH)
                .withArgs(spec.arguments().stream()
                        .map(argument -> ReplicaLabels.render(argument, ports, DATA_PATH,
                                addressing(spec.key().projectId(), namespace)))
                        .toList())
                .withEnv(environment)
                .withWorkingDir(DATA_PATH)
                .withPorts(containerPorts(ports))
                .withResources(new ResourceRequirementsBuilder()
                        .addToRequests("cpu", new Quantity(settings.cpuRequest()))
                        .addToRequests("memory", new Quantity(Long.toString(settings.memoryRequest().toBytes())))
                        .addToLimits("cpu", new Quantity(settings.cpuLimit()))
                        .addToLimits("memory", new Quantity(Long.toString(settings.memoryLimit().toBytes())))
                        .build())
                .withVolumeMounts(
                        new VolumeMountBuilder().withName("binary").withMountPath(BINARY_DIRECTORY).withReadOnly(true)
                                .build(),
                        new VolumeMountBuilder().withName("data").withMountPath(DATA_PATH).build());
        if (spec.readiness() != null) {
            node.withNewReadinessProbe().withNewExec()
                    .withCommand(BUSYBOX_PATH, "sh", "-c", PROBE_SCRIPT, probeBody(spec.readiness()),
                            probeUrl(spec.readiness(), ports.get(PortRole.RPC)))
                    .endExec().withPeriodSeconds(2).withTimeoutSeconds(10).withFailureThreshold(3).endReadinessProbe();
        }
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels)
                .addToAnnotations(ReplicaLabels.PORTS, ReplicaLabels.ports(ports)).endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withTerminationGracePeriodSeconds(stopGraceSeconds)
                .withNewAffinity().withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
                .addNewNodeSelectorTerm().addNewMatchExpression().withKey(placement.topologyKey()).withOperator("In")
                .withValues(placement.value()).endMatchExpression().endNodeSelectorTerm()
                .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity()
                .withInitContainers(fetch)
                .withContainers(node.build())
                .withVolumes(new VolumeBuilder().withName("binary").withNewEmptyDir().endEmptyDir().build(),
                        dataVolume(name, settings))
                .endSpec().build();
    }

    static Service service(ReplicaSpec spec, Map<PortRole, Integer> ports, String namespace) {
        Map<String, String> labels = ReplicaLabels.of(spec.key(), spec.chainType(), spec.location());
        return new ServiceBuilder().withNewMetadata().withName(nameOf(spec.key())).withNamespace(namespace)
                .withLabels(labels).endMetadata()
                .withNewSpec().withType("ClusterIP")
                .withSelector(Map.of(ReplicaLabels.PROJECT, spec.key().projectId(), ReplicaLabels.REPLICA,
                        spec.key().replicaId()))
                .withPorts(ports.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(port -> new ServicePortBuilder().withName(portName(port.getKey())).withProtocol("TCP")
                                .withPort(port.getValue()).withNewTargetPort(port.getValue()).build())
                        .toList())
                .endSpec().build();
    }

    static PersistentVolumeClaim claim(ReplicaSpec spec, String namespace, SpawnerProperties.Kubernetes settings) {
        return new PersistentVolumeClaimBuilder().withNewMetadata().withName(nameOf(spec.key()))
                .withNamespace(namespace).withLabels(ReplicaLabels.of(spec.key(), spec.chainType(), spec.location()))
                .endMetadata().withNewSpec().withAccessModes("ReadWriteOnce")
                .withStorageClassName(settings.storageClass())
                .withNewResources()
                .addToRequests("storage", new Quantity(Long.toString(settings.storageSize().toBytes())))
                .endResources().endSpec().build();
    }

    static String portName(PortRole role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    private static List<ContainerPort> containerPorts(Map<PortRole, Integer> ports) {
        List<ContainerPort> result = new ArrayList<>();
        ports.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(port -> result.add(
                new ContainerPortBuilder().withName(portName(port.getKey())).withContainerPort(port.getValue())
                        .withProtocol("TCP").build()));
        return result;
    }

    private static Volume dataVolume(String name, SpawnerProperties.Kubernetes settings) {
        VolumeBuilder data = new VolumeBuilder().withName("data");
        return settings.data() == KubernetesData.PERSISTENT_VOLUME_CLAIM
                ? data.withNewPersistentVolumeClaim().withClaimName(name).endPersistentVolumeClaim().build()
                : data.withNewEmptyDir().endEmptyDir().build();
    }

    private static String probeBody(ReadinessProbe probe) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + probe.method() + "\",\"params\":" + probe.paramsJson()
                + "}";
    }

    private static String probeUrl(ReadinessProbe probe, int rpcPort) {
        String credentials = probe.auth() == null ? "" : probe.auth().user() + ":" + probe.auth().password() + "@";
        return "http://" + credentials + "127.0.0.1:" + rpcPort + "/";
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
