package io.chainmonitor.rules.chain;

import java.util.Set;

import io.chainmonitor.rules.chain.ChainCatalogException.Reason;
import io.chainmonitor.rules.yaml.StrictMapping;

/**
 * The rules that tie a launch template's placeholders to the rest of the node mapping: a port placeholder is used
 * exactly when the port is asked for, credentials exactly when the RPC port wants them, {network} exactly when there
 * is a network setting, {configFile} exactly when there is a configuration file, every replica keeps its state in
 * {dataDir} and listens on {bindHost}. Placeholders count as used in the arguments or in the configuration file's lines.
 */
final class TemplateRules {

    private TemplateRules() {
    }

    static void check(StrictMapping node, Set<Placeholder> used, Set<PortRole> ports, RpcAuth rpcAuth,
            WebSocketEndpoint websocket, NetworkSetting network, ConfigFile configFile) {
        requireBoth(node, used, Placeholder.RPC_PORT, ports.contains(PortRole.RPC), "node.ports has rpc");
        requireBoth(node, used, Placeholder.WS_PORT, ports.contains(PortRole.WS), "node.ports has ws");
        requireBoth(node, used, Placeholder.P2P_PORT, ports.contains(PortRole.P2P), "node.ports has p2p");
        requireBoth(node, used, Placeholder.RPC_USER, rpcAuth == RpcAuth.USER_PASSWORD,
                "node.rpcAuth is user-password");
        requireBoth(node, used, Placeholder.RPC_PASSWORD, rpcAuth == RpcAuth.USER_PASSWORD,
                "node.rpcAuth is user-password");
        requireBoth(node, used, Placeholder.NETWORK, network != null, "node.network is set");
        requireBoth(node, used, Placeholder.DATA_DIR, true, "always");
        // A node bound to a fixed address could not be reached where the runtime puts it (a container, a pod).
        requireBoth(node, used, Placeholder.BIND_HOST, true, "always");
        requireBoth(node, used, Placeholder.CONFIG_FILE, configFile != null, "node.configFile is set");
        if ((websocket == WebSocketEndpoint.WS_PORT) != ports.contains(PortRole.WS)) {
            throw ChainCatalogException.at(Reason.INCONSISTENT, node.where("websocket"), node.path("websocket"),
                    "ws-port goes with a ws port in node.ports, and a ws port with ws-port");
        }
    }

    private static void requireBoth(StrictMapping node, Set<Placeholder> used, Placeholder placeholder,
            boolean expected, String condition) {
        if (used.contains(placeholder) != expected) {
            String problem = expected
                    ? "must use " + placeholder.token() + " when " + condition
                    : "uses " + placeholder.token() + " but that needs " + condition;
            throw ChainCatalogException.at(Reason.INCONSISTENT, node.where("arguments"), node.path("arguments"),
                    problem);
        }
    }
}
