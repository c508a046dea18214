package io.chainmonitor.spawner.runtime.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.chainmonitor.spawner.runtime.ReplicaRuntimeException;
import io.chainmonitor.spawner.runtime.ReplicaRuntimeException.Reason;

/**
 * Which node binaries pods may download from the spawner, and the short-lived tokens that let them: a token is
 * {@code <expiry epoch second>.<HMAC-SHA256 of hash and expiry>} under a key made when the spawner starts, so it is
 * good for one binary until it expires (or the spawner restarts) and is never stored.
 */
public final class BinaryGrants {

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] key = new byte[32];
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Path> binaries = new ConcurrentHashMap<>();
    private final Map<Path, Hashed> hashes = new ConcurrentHashMap<>();

    private record Hashed(long size, long modified, String sha256) {
    }

    public BinaryGrants(Duration ttl, Clock clock) {
        new SecureRandom().nextBytes(key);
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Makes {@code executable} downloadable and returns its SHA-256 (hex), computed once per file version. */
    String register(Path executable) {
        try {
            Path real = executable.toRealPath();
            long size = Files.size(real);
            long modified = Files.getLastModifiedTime(real).toMillis();
            Hashed known = hashes.get(real);
            if (known == null || known.size() != size || known.modified() != modified) {
                known = new Hashed(size, modified, sha256(real));
                hashes.put(real, known);
            }
            binaries.put(known.sha256(), real);
            return known.sha256();
        } catch (IOException e) {
            throw new ReplicaRuntimeException(Reason.EXECUTABLE_NOT_RUNNABLE,
                    executable + " cannot be read to be served to pods: " + e.getMessage(), null, e);
        }
    }

    /** A token for downloading the binary of this hash, valid for the configured time from now. */
    String issue(String sha256) {
        long expiry = clock.instant().plus(ttl).getEpochSecond();
        return expiry + "." + sign(sha256, expiry);
    }

    /** The binary a valid, unexpired token for this hash grants; empty otherwise. */
    public Optional<Path> granted(String sha256, String token) {
        if (token == null || sha256 == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        long expiry;
        try {
            expiry = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        boolean valid = MessageDigest.isEqual(sign(sha256, expiry).getBytes(StandardCharsets.US_ASCII),
                token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
        if (!valid || clock.instant().getEpochSecond() > expiry) {
            return Optional.empty();
        }
        return Optional.ofNullable(binaries.get(sha256));
    }

    private String sign(String sha256, long expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HEX.formatHex(mac.doFinal((sha256 + "." + expiry).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream input = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = input.read(buffer); read >= 0; read = input.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HEX.formatHex(digest.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
