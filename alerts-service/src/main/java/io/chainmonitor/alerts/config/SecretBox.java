package io.chainmonitor.alerts.config;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.chainmonitor.alerts.AlertsException;
import io.chainmonitor.alerts.AlertsProperties;

/**
 * Encrypts contact secrets at rest with AES-256-GCM, each ciphertext bound to its contact and field, and derives the
 * key that signs acknowledgement links. The root secret is {@code chain-monitor.alerts.secret-key} (standalone makes
 * one in its data directory); without it the service runs, and refuses only to store a secret.
 */
@Component
public class SecretBox {

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final byte[] encryptionKey;
    private final byte[] signingKey;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    SecretBox(AlertsProperties properties) {
        this(Optional.ofNullable(properties.secretKey()).filter(key -> !key.isBlank()).orElse(null));
    }

    /** @param rootSecret at least 32 bytes of text, or null for none */
    public SecretBox(String rootSecret) {
        if (rootSecret == null) {
            encryptionKey = null;
            signingKey = null;
            return;
        }
        byte[] root = rootSecret.getBytes(StandardCharsets.UTF_8);
        if (root.length < 32) {
            throw new IllegalArgumentException("chain-monitor.alerts.secret-key must be at least 32 bytes");
        }
        // Separate keys per use, so that a signed link never doubles as key material for the ciphertexts.
        encryptionKey = hmac(root, "chain-monitor/alerts/contact-secrets");
        signingKey = hmac(root, "chain-monitor/alerts/ack-links");
    }

    public boolean hasKey() {
        return encryptionKey != null;
    }

    /** The ciphertext of {@code plain}, bound to {@code context} (contact id and field); null stays null. */
    public byte[] encrypt(String plain, String context) {
        if (plain == null) {
            return null;
        }
        if (encryptionKey == null) {
            throw new AlertsException(AlertsException.Reason.NO_SECRET_KEY,
                    "contact secrets cannot be stored: no key is configured; set chain-monitor.alerts.secret-key"
                            + " (base64, at least 32 bytes)");
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, context);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    /** The plain text of a ciphertext made by {@link #encrypt}; null stays null. */
    public String decrypt(byte[] sealed, String context) {
        if (sealed == null) {
            return null;
        }
        if (encryptionKey == null) {
            throw new IllegalStateException("a secret is stored but no key is configured to read it");
        }
        if (sealed.length < 1 + IV_BYTES || sealed[0] != VERSION) {
            throw new IllegalStateException("unknown ciphertext format");
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            System.arraycopy(sealed, 1, iv, 0, IV_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, iv, context);
            return new String(cipher.doFinal(sealed, 1 + IV_BYTES, sealed.length - 1 - IV_BYTES),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored secret does not decrypt with the configured key", e);
        }
    }

    /** An HMAC-SHA256 of {@code data} with the link-signing key, base64url; empty without a key. */
    public Optional<String> sign(String data) {
        if (signingKey == null) {
            return Optional.empty();
        }
        return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(signingKey, data)));
    }

    private Cipher cipher(int mode, byte[] iv, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(encryptionKey, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
