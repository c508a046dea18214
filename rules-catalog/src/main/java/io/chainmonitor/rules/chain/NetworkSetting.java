package io.chainmonitor.rules.chain;

import java.util.List;
import java.util.Map;

/**
 * The values a replica's {network} launch setting may take, the one used when a project names none, and the extra
 * launch arguments of some networks (e.g. what a fresh regtest chain needs).
 */
public record NetworkSetting(List<String> allowed, String defaultValue, Map<String, List<String>> arguments) {

    public NetworkSetting {
        allowed = List.copyOf(allowed);
        if (!allowed.contains(defaultValue)) {
            throw new IllegalArgumentException("default network " + defaultValue + " is not one of " + allowed);
        }
        arguments = arguments == null ? Map.of() : Map.copyOf(arguments);
        for (String network : arguments.keySet()) {
            if (!allowed.contains(network)) {
                throw new IllegalArgumentException("arguments for network " + network + ", not one of " + allowed);
            }
        }
    }

    /** A setting without network-specific arguments. */
    public NetworkSetting(List<String> allowed, String defaultValue) {
        this(allowed, defaultValue, Map.of());
    }

    /** Whether a replica may run on this network. */
    public boolean allows(String network) {
        return allowed.contains(network);
    }

    /** The extra launch arguments of {@code network}, appended after the node's own arguments. */
    public List<String> argumentsFor(String network) {
        return arguments.getOrDefault(network, List.of());
    }
}
