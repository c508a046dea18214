package io.chainmonitor.rules.chain;

import java.util.List;

/** The values a replica's {network} launch setting may take, and the one used when a project names none. */
public record NetworkSetting(List<String> allowed, String defaultValue) {

    public NetworkSetting {
        allowed = List.copyOf(allowed);
        if (!allowed.contains(defaultValue)) {
            throw new IllegalArgumentException("default network " + defaultValue + " is not one of " + allowed);
        }
    }

    /** Whether a replica may run on this network. */
    public boolean allows(String network) {
        return allowed.contains(network);
    }
}
