package io.chainmonitor.spawner.runtime.docker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;

import io.chainmonitor.spawner.SpawnerProperties;
import io.chainmonitor.spawner.SpawnerProperties.DockerNetwork;
import io.chainmonitor.spawner.runtime.NodeAddressing;
import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaLabels;
import io.chainmonitor.spawner.runtime.ReplicaSpec;

/**
 * What a replica's container is: the chain type's image running the stored binary (mounted read-only) with the
 * catalog's arguments, the data directory bind-mounted, labelled, limited, never restarted by Docker itself (the
 * spawner supervises), and networked as configured.
 */
final class ContainerDefinition {

    /** The name a container on a bridge network reaches the Docker host by. */
    static final String PEER_HOST = "host.docker.internal";

    /** Where the node binary appears inside the container. */
    static final String BINARY_PATH = "/opt/chain-monitor/node";
    /** Where the replica's data directory appears inside the container. */
    static final String DATA_PATH = "/data";
    private static final long NANOS_PER_CPU = 1_000_000_000L;

    private ContainerDefinition() {
    }

    /**
     * On the host's network a node binds loopback like a local process. On a bridge network it must listen on every
     * interface of its container for its published ports to reach it, and it accepts RPC from any address, because
     * only the spawner's host reaches the published ports (on {@code publish-address}); peers are found at the host,
     * which needs a {@code publish-address} the containers can reach (not loopback) for peering to work.
     */
    static NodeAddressing addressing(SpawnerProperties.Docker settings) {
        return settings.network() == DockerNetwork.HOST
                ? NodeAddressing.LOOPBACK
                : new NodeAddressing("0.0.0.0", "0.0.0.0/0", replica -> PEER_HOST);
    }

    static String nameOf(ReplicaKey key) {
        return "cm-" + key.projectId() + "-" + key.replicaId();
    }

    /**
     * Fills in the create call. {@code user} is {@code uid:gid} of the data directory's owner, so that what the node
     * writes stays the spawner's; null leaves the image's user.
     */
    static CreateContainerCmd define(CreateContainerCmd create, ReplicaSpec spec, Map<PortRole, Integer> ports,
            Path binary, Path dataDirectory, String user, SpawnerProperties.Docker settings) {
        NodeAddressing addressing = addressing(settings);
        List<String> arguments = spec.arguments().stream()
                .map(argument -> ReplicaLabels.render(argument, ports, DATA_PATH, addressing)).toList();
        Map<String, String> labels = ReplicaLabels.of(spec.key(), spec.chainType(), spec.location());
        labels.put(ReplicaLabels.PORTS, ReplicaLabels.ports(ports));
        HostConfig host = HostConfig.newHostConfig()
                .withBinds(new Bind(binary.toString(), new Volume(BINARY_PATH), AccessMode.ro),
                        new Bind(dataDirectory.toString(), new Volume(DATA_PATH), AccessMode.rw))
                .withMemory(settings.memory().toBytes())
                .withNanoCPUs(Math.round(settings.cpus() * NANOS_PER_CPU))
                .withRestartPolicy(RestartPolicy.noRestart())
                .withNetworkMode(settings.network() == DockerNetwork.HOST ? "host" : "bridge");
        List<ExposedPort> exposed = new ArrayList<>();
        if (settings.network() == DockerNetwork.BRIDGE) {
            // The same number inside and outside: the node is told its port once, and the spawner reaches it there.
            Ports bindings = new Ports();
            ports.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(port -> {
                ExposedPort exposedPort = ExposedPort.tcp(port.getValue());
                exposed.add(exposedPort);
                bindings.bind(exposedPort, Ports.Binding.bindIpAndPort(settings.publishAddress(), port.getValue()));
            });
            host.withPortBindings(bindings);
            // Peers are reached through the ports the other replicas publish on the host.
            host.withExtraHosts(PEER_HOST + ":host-gateway");
        }
        List<String> environment = spec.environment().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(variable -> variable.getKey() + "=" + variable.getValue()).toList();
        create.withName(nameOf(spec.key()))
                .withLabels(labels)
                .withEntrypoint(BINARY_PATH)
                .withCmd(arguments)
                .withEnv(environment)
                .withWorkingDir(DATA_PATH)
                .withAttachStdin(false)
                .withAttachStdout(true)
                .withAttachStderr(true)
                .withTty(false)
                .withHostConfig(host);
        if (!exposed.isEmpty()) {
            create.withExposedPorts(exposed);
        }
        if (user != null) {
            create.withUser(user);
        }
        return create;
    }
}
