package io.chainmonitor.rules.chain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** A JSON-RPC call that succeeds once the node is ready, and how long a fresh node may take to get there. */
public record Readiness(String method, List<String> params, Duration timeout) {

    public Readiness {
        Objects.requireNonNull(method, "method");
        params = List.copyOf(params);
        Objects.requireNonNull(timeout, "timeout");
    }
}
