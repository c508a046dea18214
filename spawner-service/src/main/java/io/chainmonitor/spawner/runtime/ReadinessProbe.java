package io.chainmonitor.spawner.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How to tell that a node is ready: a JSON-RPC call on its RPC port that answers with a result within
 * {@code timeout}. {@code paramsJson} is the JSON array of parameters; {@code auth} is optional basic auth.
 */
public record ReadinessProbe(String method, String paramsJson, Duration timeout, BasicAuth auth) {

    public ReadinessProbe {
        Objects.requireNonNull(method, "method");
        if (!method.matches("[A-Za-z0-9_.]+")) {
            throw new IllegalArgumentException("readiness method '" + method + "' is not a JSON-RPC method name");
        }
        paramsJson = paramsJson == null || paramsJson.isBlank() ? "[]" : paramsJson;
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("readiness timeout must be positive");
        }
    }

    /** A probe without parameters nor authentication. */
    public static ReadinessProbe of(String method, Duration timeout) {
        return new ReadinessProbe(method, "[]", timeout, null);
    }

    /** User and password sent as HTTP basic authentication. */
    public record BasicAuth(String user, String password) {

        public BasicAuth {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "BasicAuth[user=" + user + ", password=***]";
        }
    }
}
