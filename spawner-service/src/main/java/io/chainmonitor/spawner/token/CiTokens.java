package io.chainmonitor.spawner.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * CI token secrets: {@code cmt_} and 32 random bytes in unpadded base64url. Only their SHA-256 is stored, so a
 * database leak does not reveal a usable token; the secret has 256 bits, so no slow hash is needed.
 */
final class CiTokens {

    static final String PREFIX = "cmt_";
    private static final int SECRET_BYTES = 32;
    private static final int SHOWN_CHARACTERS = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CiTokens() {
    }

    static String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static boolean looksLikeToken(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** The lowercase hex SHA-256 of the whole token: what the database keeps and looks tokens up by. */
    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The start of the token, shown in lists so that people can tell their tokens apart. */
    static String shownPrefix(String token) {
        return token.substring(0, PREFIX.length() + SHOWN_CHARACTERS);
    }
}
