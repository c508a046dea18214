package io.chainmonitor.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets the standalone platform makes for itself on first start and keeps in its data directory, readable by the
 * owner only: the key the services verify API tokens with, the
 * secret replicas' RPC credentials are derived from, and the alerts service's key for contact secrets.
 */
final class PlatformSecrets {

    private static final int TOKEN_KEY_BYTES = 48;

    private final Path directory;

    PlatformSecrets(Path directory) {
        this.directory = directory;
    }

    /** The HMAC key for API tokens (base64), made once and then reused so that issued tokens stay valid. */
    String tokenSigningKey() {
        return readOrCreate("token-signing.key", TOKEN_KEY_BYTES);
    }

    /** The secret every replica's RPC credentials are derived from (base64), made once so that replicas stay reachable. */
    String nodeRpcSecret() {
        return readOrCreate("node-rpc.key", TOKEN_KEY_BYTES);
    }

    /** The root key the alerts service encrypts contact secrets and signs acknowledgement links with (base64). */
    String alertsSecretKey() {
        return readOrCreate("alerts-secret.key", TOKEN_KEY_BYTES);
    }

    private String readOrCreate(String name, int bytes) {
        Path file = directory.resolve(name);
        try {
            Files.createDirectories(directory);
            if (!Files.exists(file)) {
                byte[] key = new byte[bytes];
                new SecureRandom().nextBytes(key);
                write(file, Base64.getEncoder().encodeToString(key));
            }
            String value = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (value.isEmpty()) {
                throw new IllegalStateException("secret file " + file.getFileName() + " in the data directory is empty;"
                        + " delete it to have a new one made");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret " + name, e);
        }
    }

    private static void write(Path file, String value) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            return; // another start made it first; keep theirs
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, value, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
