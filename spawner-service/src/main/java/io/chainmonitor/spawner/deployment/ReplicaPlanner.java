package io.chainmonitor.spawner.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.rules.chain.ChainType;
import io.chainmonitor.rules.chain.NodeTemplate;
import io.chainmonitor.rules.chain.PeerAddress;
import io.chainmonitor.rules.chain.Placeholder;
import io.chainmonitor.rules.chain.Readiness;
import io.chainmonitor.rules.chain.RpcAuth;
import io.chainmonitor.spawner.project.ReplicaSettings;
import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReadinessProbe;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaSpec;

/**
 * Turns a project's replica settings into launch specs: replicas {@code r-1}, {@code r-2}, … in the order of the
 * settings' locations, each with ports reserved up front so that every replica's template can name its own ports and
 * its peers' P2P addresses before anything starts. {@code {dataDir}} is left for the runtime to fill in.
 */
final class ReplicaPlanner {

    static final String PEER_HOST = "127.0.0.1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReplicaPlanner() {
    }

    /**
     * One spec per replica. {@code reservePorts} reserves ports of the given roles in a location's runtime;
     * {@code credentials} are used when the chain type's RPC port wants a user and password.
     */
    static List<ReplicaSpec> plan(String projectId, ChainType chain, ReplicaSettings settings, Path executable,
            RpcCredentials credentials, BiFunction<String, Set<PortRole>, Map<PortRole, Integer>> reservePorts) {
        NodeTemplate template = chain.node();
        Set<PortRole> roles = roles(template);
        List<Slot> slots = new ArrayList<>();
        for (ReplicaSettings.LocationCount location : settings.locations()) {
            for (int i = 0; i < location.count(); i++) {
                String replicaId = "r-" + (slots.size() + 1);
                slots.add(new Slot(new ReplicaKey(projectId, replicaId), location.name(),
                        reservePorts.apply(location.name(), roles)));
            }
        }
        boolean peered = template.peerArgument() != null;
        ReadinessProbe readiness = readiness(template, credentials);
        return slots.stream().map(slot -> {
            List<PeerAddress> peers = peered ? peersOf(slot, slots) : List.of();
            List<String> arguments = new ArrayList<>(template.render(values(template, slot, credentials), peers));
            arguments.addAll(settings.extraArgs());
            return new ReplicaSpec(slot.key(), chain.id(), slot.location(), executable, arguments, Map.of(), null,
                    roles, readiness, slot.ports());
        }).toList();
    }

    private static Set<PortRole> roles(NodeTemplate template) {
        Set<PortRole> roles = EnumSet.noneOf(PortRole.class);
        template.ports().forEach(role -> roles.add(PortRole.valueOf(role.name())));
        return roles;
    }

    private static Map<String, String> values(NodeTemplate template, Slot slot, RpcCredentials credentials) {
        Map<String, String> values = new HashMap<>();
        slot.ports().forEach((role, port) -> values.put(key(role), Integer.toString(port)));
        values.put(Placeholder.DATA_DIR.key(), Placeholder.DATA_DIR.token());
        if (template.rpcAuth() == RpcAuth.USER_PASSWORD) {
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

    private static List<PeerAddress> peersOf(Slot slot, List<Slot> slots) {
        return slots.stream().filter(other -> other != slot)
                .map(other -> new PeerAddress(PEER_HOST, other.ports().get(PortRole.P2P))).toList();
    }

    private static ReadinessProbe readiness(NodeTemplate template, RpcCredentials credentials) {
        Readiness readiness = template.readiness();
        ReadinessProbe.BasicAuth auth = template.rpcAuth() == RpcAuth.USER_PASSWORD
                ? new ReadinessProbe.BasicAuth(credentials.user(), credentials.password())
                : null;
        return new ReadinessProbe(readiness.method(), JSON.writeValueAsString(readiness.params()),
                readiness.timeout(), auth);
    }

    private record Slot(ReplicaKey key, String location, Map<PortRole, Integer> ports) {
    }
}
