package io.chainmonitor.rules.chain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.chainmonitor.rules.chain.ChainCatalogException.Reason;

/**
 * How to launch a replica: the program, its arguments with placeholders ({@link Placeholder}), the argument that
 * peers it with another replica, the ports it needs, how its RPC port authenticates, how to tell it is ready, which
 * networks it may run on ({@code null} when the node has no network setting), where it serves WebSocket and the
 * configuration file written for it ({@code null} when it has none).
 */
public record NodeTemplate(String executable, List<String> arguments, String peerArgument, Set<PortRole> ports,
        RpcAuth rpcAuth, Readiness readiness, NetworkSetting network, WebSocketEndpoint websocket,
        ConfigFile configFile) {

    public NodeTemplate {
        Objects.requireNonNull(executable, "executable");
        arguments = List.copyOf(arguments);
        ports = Set.copyOf(ports);
        Objects.requireNonNull(rpcAuth, "rpcAuth");
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(websocket, "websocket");
    }

    /** A template without a configuration file. */
    public NodeTemplate(String executable, List<String> arguments, String peerArgument, Set<PortRole> ports,
            RpcAuth rpcAuth, Readiness readiness, NetworkSetting network, WebSocketEndpoint websocket) {
        this(executable, arguments, peerArgument, ports, rpcAuth, readiness, network, websocket, null);
    }

    /** A template without a network setting, serving WebSocket on its own port when it has a WS port. */
    public NodeTemplate(String executable, List<String> arguments, String peerArgument, Set<PortRole> ports,
            RpcAuth rpcAuth, Readiness readiness) {
        this(executable, arguments, peerArgument, ports, rpcAuth, readiness, null,
                ports.contains(PortRole.WS) ? WebSocketEndpoint.WS_PORT : WebSocketEndpoint.NONE);
    }

    /**
     * The node's arguments with every placeholder replaced. {@code values} is keyed by {@link Placeholder#key()};
     * {@code network} falls back to the default network. A missing value, or a network the chain type does not
     * allow, fails with {@link Reason#MISSING_VALUE}. The chosen network's own arguments follow the node's.
     * {@code {configFile}} is the configuration file's name inside {@code {dataDir}}.
     */
    public List<String> render(Map<String, String> values) {
        Map<String, String> all = withDerived(values);
        List<String> rendered = new ArrayList<>(arguments.stream().map(argument -> substitute(argument, all)).toList());
        if (network != null) {
            rendered.addAll(network.argumentsFor(all.get(Placeholder.NETWORK.key())));
        }
        return List.copyOf(rendered);
    }

    /** The lines of the configuration file with every placeholder replaced; empty when the node has none. */
    public List<String> renderConfigFile(Map<String, String> values) {
        if (configFile == null) {
            return List.of();
        }
        Map<String, String> all = withDerived(values);
        return configFile.lines().stream().map(line -> substitute(line, all)).toList();
    }

    private Map<String, String> withDerived(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        if (network != null) {
            String chosen = all.computeIfAbsent(Placeholder.NETWORK.key(), k -> network.defaultValue());
            if (!network.allows(chosen)) {
                throw new ChainCatalogException(Reason.MISSING_VALUE, executable + ": network '" + chosen
                        + "' is not allowed; allowed networks: " + String.join(", ", network.allowed()));
            }
        }
        String dataDir = all.get(Placeholder.DATA_DIR.key());
        if (configFile != null && dataDir != null) {
            all.putIfAbsent(Placeholder.CONFIG_FILE.key(), dataDir + "/" + configFile.name());
        }
        return all;
    }

    /** The node's arguments followed by one peer argument per peer. */
    public List<String> render(Map<String, String> values, List<PeerAddress> peers) {
        List<String> rendered = new ArrayList<>(render(values));
        peers.forEach(peer -> rendered.add(renderPeer(peer)));
        return List.copyOf(rendered);
    }

    /** The argument that connects the node to one peer. */
    public String renderPeer(PeerAddress peer) {
        if (peerArgument == null) {
            throw new ChainCatalogException(Reason.MISSING_VALUE,
                    executable + ": replicas of this chain type cannot be peered by a launch argument");
        }
        return substitute(peerArgument, Map.of(Placeholder.PEER_HOST.key(), peer.host(),
                Placeholder.PEER_P2P_PORT.key(), Integer.toString(peer.p2pPort())));
    }

    private String substitute(String template, Map<String, String> values) {
        return Placeholder.substitute(template, name -> {
            String value = values.get(name);
            if (value == null) {
                throw new ChainCatalogException(Reason.MISSING_VALUE,
                        executable + ": no value for {" + name + "} in argument '" + template + "'");
            }
            return value;
        });
    }
}
