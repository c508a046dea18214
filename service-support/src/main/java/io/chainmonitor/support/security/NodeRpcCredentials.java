package io.chainmonitor.support.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The RPC user and password of every replica, derived from one platform secret with HMAC-SHA256 over the project and
 * replica id. The spawner starts a node with them and the chain watcher and wire listener reach it with them, so
 * they are never stored, never sent over a topic, and survive a restart of any service.
 */
public final class NodeRpcCredentials {

    /** The shortest secret accepted, in bytes. */
    public static final int MIN_SECRET_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final int USER_BYTES = 6;

    private final SecretKeySpec key;

    public NodeRpcCredentials(String secret) {
        Objects.requireNonNull(secret, "secret");
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "chain-monitor.security.node-rpc-secret must be at least " + MIN_SECRET_BYTES + " bytes long");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /** The credentials of one replica: plain lowercase hex, so no node argument or config file needs quoting. */
    public Credentials forReplica(String projectId, String replicaId) {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(replicaId, "replicaId");
        String user = "cm-" + HexFormat.of().formatHex(Arrays.copyOf(mac("user", projectId, replicaId), USER_BYTES));
        String password = HexFormat.of().formatHex(mac("password", projectId, replicaId));
        return new Credentials(user, password);
    }

    private byte[] mac(String purpose, String projectId, String replicaId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            // NUL cannot occur in ids, so no two (purpose, project, replica) triples share an input.
            return mac.doFinal((purpose + '\0' + projectId + '\0' + replicaId).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "NodeRpcCredentials[secret=(hidden)]";
    }

    /** One replica's RPC user and password. */
    public record Credentials(String user, String password) {

        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=***]";
        }
    }
}
