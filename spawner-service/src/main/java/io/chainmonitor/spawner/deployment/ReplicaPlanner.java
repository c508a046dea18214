package io.chainmonitor.spawner.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.rules.chain.ChainType;
import io.chainmonitor.rules.chain.NodeTemplate;
import io.chainmonitor.rules.chain.PeerAddress;
import io.chainmonitor.rules.chain.Placeholder;
import io.chainmonitor.rules.chain.Readiness;
import io.chainmonitor.rules.chain.RpcAuth;
import io.chainmonitor.spawner.project.ReplicaSettings;
import io.chainmonitor.spawner.runtime.NodeAddressing;
import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReadinessProbe;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaSpec;
import io.chainmonitor.support.security.NodeRpcCredentials;
import io.chainmonitor.support.security.NodeRpcCredentials.Credentials;

/**
 * Turns a project's replica settings into launch specs: replicas {@code r-1}, {@code r-2}, … in the order of the
 * settings' locations, each with ports reserved up front so that every replica's template can name its own ports and
 * its peers' P2P addresses before anything starts. {@code {dataDir}} is left for the runtime to fill in.
 */
final class ReplicaPlanner {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReplicaPlanner() {
    }

    /**
     * One spec per replica. {@code reservePorts} reserves ports of the given roles for a replica id in a location's
     * runtime; {@code credentials} gives a replica's RPC user and password when the chain type's RPC port wants them.
     */
    static List<ReplicaSpec> plan(String projectId, ChainType chain, ReplicaSettings settings, Path executable,
            NodeRpcCredentials credentials, PortSource reservePorts) {
        Set<PortRole> roles = roles(chain.node());
        List<Slot> slots = new ArrayList<>();
        for (ReplicaSettings.LocationCount location : settings.locations()) {
            for (int i = 0; i < location.count(); i++) {
                String replicaId = replicaId(slots.size() + 1);
                slots.add(new Slot(new ReplicaKey(projectId, replicaId), location.name(),
                        reservePorts.reserve(replicaId, location.name(), roles)));
            }
        }
        return slots.stream().map(slot -> spec(chain, settings.extraArgs(), settings.network(), executable,
                credentials, slot, peersOf(slot, slots))).toList();
    }

    /** The id of the n-th replica a deployment ever had, counted from 1. */
    static String replicaId(int number) {
        return "r-" + number;
    }

    /** The ports roles a replica of this chain type needs. */
    static Set<PortRole> roles(NodeTemplate template) {
        Set<PortRole> roles = EnumSet.noneOf(PortRole.class);
        template.ports().forEach(role -> roles.add(PortRole.valueOf(role.name())));
        return roles;
    }

    /** One replica's spec on its ports, peered with {@code peers} when its chain type peers by argument. */
    static ReplicaSpec spec(ChainType chain, List<String> extraArgs, String network, Path executable,
            NodeRpcCredentials credentials, Slot slot, List<PeerAddress> peers) {
        NodeTemplate template = chain.node();
        Credentials replicaCredentials = template.rpcAuth() == RpcAuth.USER_PASSWORD
                ? credentials.forReplica(slot.key().projectId(), slot.key().replicaId())
                : null;
        Map<String, String> values = values(slot, replicaCredentials);
        if (network != null) {
            values.put(Placeholder.NETWORK.key(), network);
        }
        List<String> arguments = new ArrayList<>(
                template.render(values, template.peerArgument() != null ? peers : List.of()));
        arguments.addAll(extraArgs);
        Map<String, String> files = template.configFile() == null
                ? Map.of()
                : Map.of(template.configFile().name(), String.join("\n", template.renderConfigFile(values)) + "\n");
        return new ReplicaSpec(slot.key(), chain.id(), slot.location(), executable, arguments, Map.of(), null,
                roles(template), readiness(template, replicaCredentials), slot.ports(), files);
    }

    /** The P2P addresses of every slot but {@code slot}, for the chain types that have a P2P port. */
    static List<PeerAddress> peersOf(Slot slot, List<Slot> slots) {
        return slots.stream().filter(other -> !other.key().equals(slot.key()))
                .filter(other -> other.ports().containsKey(PortRole.P2P))
                .map(other -> new PeerAddress(NodeAddressing.replicaHostToken(other.key().replicaId()),
                        other.ports().get(PortRole.P2P)))
                .toList();
    }

    private static Map<String, String> values(Slot slot, Credentials credentials) {
        Map<String, String> values = new HashMap<>();
        slot.ports().forEach((role, port) -> values.put(key(role), Integer.toString(port)));
        // Left for the runtime, which alone knows its directories and how its replicas are reached.
        values.put(Placeholder.DATA_DIR.key(), Placeholder.DATA_DIR.token());
        values.put(Placeholder.BIND_HOST.key(), Placeholder.BIND_HOST.token());
        values.put(Placeholder.RPC_ALLOW_FROM.key(), Placeholder.RPC_ALLOW_FROM.token());
        if (credentials != null) {
            values.put(Placeholder.RPC_USER.key(), credentials.user());
            values.put(Placeholder.RPC_PASSWORD.key(), credentials.password());
        }
        return values;
    }

    private static String key(PortRole role) {
        return switch (role) {
            case RPC -> Placeholder.RPC_PORT.key();
            case WS -> Placeholder.WS_PORT.key();
            case P2P -> Placeholder.P2P_PORT.key();
        };
    }

    private static ReadinessProbe readiness(NodeTemplate template, Credentials credentials) {
        Readiness readiness = template.readiness();
        ReadinessProbe.BasicAuth auth = credentials != null
                ? new ReadinessProbe.BasicAuth(credentials.user(), credentials.password())
                : null;
        return new ReadinessProbe(readiness.method(), JSON.writeValueAsString(readiness.params()),
                readiness.timeout(), auth);
    }

    /** Reserves the ports of one replica in its location's runtime. */
    @FunctionalInterface
    interface PortSource {
        Map<PortRole, Integer> reserve(String replicaId, String location, Set<PortRole> roles);
    }

    /** Where one replica runs and on which ports. */
    record Slot(ReplicaKey key, String location, Map<PortRole, Integer> ports) {
    }
}
