package io.chainmonitor.rules.chain;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.chainmonitor.rules.chain.ChainCatalogException.Reason;
import io.chainmonitor.rules.yaml.StrictMapping;
import io.chainmonitor.rules.yaml.YamlNode;
import io.chainmonitor.rules.yaml.YamlNode.Mapping;

/** Reads and checks the {@code node} mapping of a chain type file. */
final class NodeTemplateReader {

    static final Pattern EXECUTABLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    static final Pattern NETWORK = Pattern.compile("[a-z0-9-]+");
    static final Pattern TIMEOUT = Pattern.compile("([1-9][0-9]*)(ms|s|m)");

    private NodeTemplateReader() {
    }

    static NodeTemplate read(Mapping mapping) {
        StrictMapping node = YamlFields.open(mapping, "node", "executable", "arguments", "peerArgument", "ports",
                "websocket", "rpcAuth", "network", "readiness", "configFile");
        String executable = node.string("executable", EXECUTABLE,
                "a program name (letters, digits, '.', '_', '-'; no path)");
        List<String> arguments = node.strings("arguments", false);
        Set<PortRole> ports = ports(node);
        RpcAuth rpcAuth = node.enumValue("rpcAuth", RpcAuth.class);
        WebSocketEndpoint websocket = node.enumValue("websocket", WebSocketEndpoint.class);
        NetworkSetting network = node.has("network") ? network(node.mapping("network")) : null;
        Readiness readiness = readiness(node.mapping("readiness"));
        String peerArgument = node.optionalString("peerArgument");

        Set<Placeholder> used = placeholders(node, "arguments", arguments);
        ConfigFile configFile = null;
        if (node.has("configFile")) {
            StrictMapping file = YamlFields.open(node.mapping("configFile"), "node.configFile", "name", "lines");
            configFile = new ConfigFile(file.string("name", EXECUTABLE, "a file name (letters, digits, '.', '_', '-')"),
                    file.strings("lines", false));
            Set<Placeholder> inFile = placeholders(file, "lines", configFile.lines());
            if (inFile.contains(Placeholder.CONFIG_FILE)) {
                throw ChainCatalogException.at(Reason.INCONSISTENT, file.where("lines"), file.path("lines"),
                        "the configuration file cannot name itself with {configFile}");
            }
            used.addAll(inFile);
        }
        TemplateRules.check(node, used, ports, rpcAuth, websocket, network, configFile);
        if (peerArgument != null) {
            peerPlaceholders(node, peerArgument);
            if (!ports.contains(PortRole.P2P)) {
                throw ChainCatalogException.at(Reason.INCONSISTENT, node.where("peerArgument"),
                        node.path("peerArgument"), "a peer argument needs a p2p port in node.ports");
            }
        }
        return new NodeTemplate(executable, arguments, peerArgument, ports, rpcAuth, readiness, network, websocket,
                configFile);
    }

    private static Set<PortRole> ports(StrictMapping node) {
        Set<PortRole> ports = EnumSet.noneOf(PortRole.class);
        List<YamlNode> items = node.items("ports");
        for (int i = 0; i < items.size(); i++) {
            String path = node.path("ports") + "[" + i + "]";
            if (!ports.add(YamlFields.enumValue(items.get(i), path, PortRole.class))) {
                throw ChainCatalogException.at(Reason.INVALID_VALUE, items.get(i).where(), path, "duplicate port");
            }
        }
        if (!ports.contains(PortRole.RPC)) {
            throw ChainCatalogException.at(Reason.MISSING_FIELD, node.where("ports"), node.path("ports"),
                    "every node needs an rpc port");
        }
        return ports;
    }

    private static Set<Placeholder> placeholders(StrictMapping node, String key, List<String> arguments) {
        Set<Placeholder> used = EnumSet.noneOf(Placeholder.class);
        List<YamlNode> items = node.items(key);
        for (int i = 0; i < arguments.size(); i++) {
            String path = node.path(key) + "[" + i + "]";
            YamlNode item = items.get(i);
            for (String name : names(item, path, arguments.get(i))) {
                Placeholder placeholder = Placeholder.byKey(name).filter(p -> !p.peer())
                        .orElseThrow(() -> unknown(item, path, name, false));
                used.add(placeholder);
            }
        }
        return used;
    }

    private static void peerPlaceholders(StrictMapping node, String peerArgument) {
        YamlNode item = node.node("peerArgument");
        for (String name : names(item, node.path("peerArgument"), peerArgument)) {
            if (Placeholder.byKey(name).filter(Placeholder::peer).isEmpty()) {
                throw unknown(item, node.path("peerArgument"), name, true);
            }
        }
    }

    private static Set<String> names(YamlNode item, String path, String template) {
        if (Placeholder.hasStrayBrace(template)) {
            throw ChainCatalogException.at(Reason.UNKNOWN_PLACEHOLDER, item.where(), path,
                    "unbalanced brace in '" + template + "'");
        }
        return Placeholder.namesIn(template);
    }

    private static ChainCatalogException unknown(YamlNode item, String path, String name, boolean peer) {
        List<String> known = Arrays.stream(Placeholder.values()).filter(p -> p.peer() == peer)
                .map(Placeholder::token).toList();
        return ChainCatalogException.at(Reason.UNKNOWN_PLACEHOLDER, item.where(), path,
                "unknown placeholder {" + name + "}; known here: " + String.join(", ", known));
    }

    private static NetworkSetting network(Mapping mapping) {
        StrictMapping network = YamlFields.open(mapping, "node.network", "allowed", "default", "arguments");
        List<String> allowed = network.strings("allowed", false);
        List<YamlNode> items = network.items("allowed");
        for (int i = 0; i < allowed.size(); i++) {
            String path = network.path("allowed") + "[" + i + "]";
            if (!NETWORK.matcher(allowed.get(i)).matches() || allowed.indexOf(allowed.get(i)) != i) {
                throw ChainCatalogException.at(Reason.INVALID_VALUE, items.get(i).where(), path,
                        "'" + allowed.get(i) + "' is a duplicate or not [a-z0-9-]+");
            }
        }
        String defaultValue = network.string("default");
        if (!allowed.contains(defaultValue)) {
            throw ChainCatalogException.at(Reason.INVALID_VALUE, network.where("default"), network.path("default"),
                    "'" + defaultValue + "' is not one of the allowed networks " + String.join(", ", allowed));
        }
        return new NetworkSetting(allowed, defaultValue, networkArguments(network, allowed));
    }

    /** Per network, plain arguments (no placeholders) appended for replicas on that network. */
    private static Map<String, List<String>> networkArguments(StrictMapping network, List<String> allowed) {
        if (!network.has("arguments")) {
            return Map.of();
        }
        Mapping mapping = network.mapping("arguments");
        StrictMapping byNetwork = YamlFields.open(mapping, network.path("arguments"), allowed.toArray(String[]::new));
        Map<String, List<String>> arguments = new LinkedHashMap<>();
        for (String name : mapping.keys().keySet()) {
            List<String> values = byNetwork.strings(name, false);
            List<YamlNode> items = byNetwork.items(name);
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i).indexOf('{') >= 0 || values.get(i).indexOf('}') >= 0) {
                    throw ChainCatalogException.at(Reason.UNKNOWN_PLACEHOLDER, items.get(i).where(),
                            byNetwork.path(name) + "[" + i + "]", "network arguments take no placeholders");
                }
            }
            arguments.put(name, values);
        }
        return arguments;
    }

    private static Readiness readiness(Mapping mapping) {
        StrictMapping readiness = YamlFields.open(mapping, "node.readiness", "method", "params", "timeout");
        String method = readiness.string("method");
        List<String> params = readiness.has("params") ? readiness.strings("params", true) : List.of();
        String timeout = readiness.string("timeout", TIMEOUT, "a duration such as 500ms, 30s or 2m");
        return new Readiness(method, params, duration(timeout));
    }

    static Duration duration(String text) {
        Matcher matcher = TIMEOUT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(text);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }
}
