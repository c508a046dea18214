package io.chainmonitor.spawner.deployment;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/** The RPC user and password of a project's replicas; kept by the spawner, never shown by the API. */
record RpcCredentials(String user, String password) {

    private static final SecureRandom RANDOM = new SecureRandom();

    RpcCredentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** A fresh user name and a 256-bit random password, both plain hex so that no node argument needs quoting. */
    static RpcCredentials generate() {
        return new RpcCredentials("cm-" + random(6), random(32));
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    @Override
    public String toString() {
        return "RpcCredentials[user=" + user + ", password=***]";
    }
}
