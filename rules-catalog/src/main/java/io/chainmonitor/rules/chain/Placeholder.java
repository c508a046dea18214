package io.chainmonitor.rules.chain;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The placeholders a launch template may use, written {@code {name}}; the spawner supplies their values. */
public enum Placeholder {
    /** The replica's JSON-RPC port. */
    RPC_PORT("rpcPort", false),
    /** The replica's WebSocket port, when the node serves WebSocket on a port of its own. */
    WS_PORT("wsPort", false),
    /** The replica's P2P port. */
    P2P_PORT("p2pPort", false),
    /** The replica's data directory, created empty by the spawner. */
    DATA_DIR("dataDir", false),
    /**
     * The address the node listens on, chosen by the runtime: {@code 127.0.0.1} for a local process, {@code 0.0.0.0}
     * in a container on a bridge network or a pod, where the node is reached from outside its own loopback.
     */
    BIND_HOST("bindHost", false),
    /**
     * Who may call the node's RPC, chosen by the runtime: {@code 127.0.0.1} for a local process, {@code 0.0.0.0/0} in
     * a container or pod, whose network (ports published on the host's loopback, a NetworkPolicy) restricts callers.
     */
    RPC_ALLOW_FROM("rpcAllowFrom", false),
    /** The RPC user name the spawner generated for the replica. */
    RPC_USER("rpcUser", false),
    /** The RPC password the spawner generated for the replica. */
    RPC_PASSWORD("rpcPassword", false),
    /** The network the replica runs on, one of the chain type's allowed networks. */
    NETWORK("network", false),
    /** The full path of the replica's configuration file ({@code node.configFile}), inside {dataDir}. */
    CONFIG_FILE("configFile", false),
    /** In a peer argument: the peer's host. */
    PEER_HOST("peerHost", true),
    /** In a peer argument: the peer's P2P port. */
    PEER_P2P_PORT("peerP2pPort", true);

    private static final Pattern TOKEN = Pattern.compile("\\{([^{}]*)}");

    private final String key;
    private final boolean peer;

    Placeholder(String key, boolean peer) {
        this.key = key;
        this.peer = peer;
    }

    /** The name between the braces, and the key of its value in {@link NodeTemplate#render}. */
    public String key() {
        return key;
    }

    /** The placeholder as written in a template, e.g. {@code {rpcPort}}. */
    public String token() {
        return "{" + key + "}";
    }

    /** Whether it belongs in a peer argument rather than in the node's own arguments. */
    public boolean peer() {
        return peer;
    }

    /** The placeholder with this name. */
    public static Optional<Placeholder> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }

    /** The names between braces in a template, in order of first use. */
    static Set<String> namesIn(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = TOKEN.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Whether a brace is left over once every {@code {name}} is taken out. */
    static boolean hasStrayBrace(String template) {
        String rest = TOKEN.matcher(template).replaceAll("");
        return rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0;
    }

    /** Replaces every {@code {name}} by its value; the caller has checked that every name has one. */
    static String substitute(String template, Function<String, String> values) {
        return TOKEN.matcher(template).replaceAll(m -> Matcher.quoteReplacement(values.apply(m.group(1))));
    }
}
