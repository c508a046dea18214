package io.chainmonitor.support.security.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Consumer;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.oauth2.jose.jws.JwsAlgorithm;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Mints JWTs for tests, signed with an HMAC secret, an RSA key or an EC key, with the claims a test chooses. Point
 * a service at it with {@code chain-monitor.security.jwt.hmac-secret=}{@link #DEFAULT_HMAC_SECRET}, or with
 * {@code public-key-location} set to the file {@link #writePublicKeyPem(Path)} writes.
 */
public final class JwtTestTokens {

    /** A 32-byte secret for {@code chain-monitor.security.jwt.hmac-secret}. */
    public static final String DEFAULT_HMAC_SECRET = "chain-monitor-test-secret-0123456789";
    public static final String DEFAULT_SUBJECT = "test-user";
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    private final JwtEncoder encoder;
    private final JwsAlgorithm algorithm;
    private final PublicKey publicKey;

    private JwtTestTokens(JwtEncoder encoder, JwsAlgorithm algorithm, PublicKey publicKey) {
        this.encoder = encoder;
        this.algorithm = algorithm;
        this.publicKey = publicKey;
    }

    /** HS256 tokens signed with {@link #DEFAULT_HMAC_SECRET}. */
    public static JwtTestTokens hmac() {
        return hmac(DEFAULT_HMAC_SECRET);
    }

    /** HS256 tokens signed with {@code secret} (UTF-8 bytes, at least 32). */
    public static JwtTestTokens hmac(String secret) {
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        return new JwtTestTokens(NimbusJwtEncoder.withSecretKey(key).build(), MacAlgorithm.HS256, null);
    }

    /** RS256 tokens signed with a new 2048-bit RSA key. */
    public static JwtTestTokens rsa() {
        KeyPair pair = generate("RSA", generator -> generator.initialize(2048));
        NimbusJwtEncoder encoder = NimbusJwtEncoder
                .withKeyPair((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate())
                .build();
        return new JwtTestTokens(encoder, SignatureAlgorithm.RS256, pair.getPublic());
    }

    /** ES256 tokens signed with a new P-256 key. */
    public static JwtTestTokens ec() {
        KeyPair pair = generate("EC", generator -> {
            try {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
        NimbusJwtEncoder encoder = NimbusJwtEncoder
                .withKeyPair((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate())
                .build();
        return new JwtTestTokens(encoder, SignatureAlgorithm.ES256, pair.getPublic());
    }

    /** A token for {@link #DEFAULT_SUBJECT}, issued now, expiring in {@link #DEFAULT_LIFETIME}. */
    public String token() {
        return token(claims -> {
        });
    }

    /**
     * A token with the default claims changed by {@code claims}: set an issuer or audience, move the expiry into the
     * past, or remove a claim with {@code claims.claims(map -> map.remove("exp"))}.
     */
    public String token(Consumer<JwtClaimsSet.Builder> claims) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder builder = JwtClaimsSet.builder()
                .subject(DEFAULT_SUBJECT)
                .issuedAt(now)
                .expiresAt(now.plus(DEFAULT_LIFETIME));
        claims.accept(builder);
        JwsHeader header = JwsHeader.with(algorithm).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, builder.build())).getTokenValue();
    }

    /** The verifying key as PEM ({@code PUBLIC KEY}); only for RSA and EC tokens. */
    public String publicKeyPem() {
        if (publicKey == null) {
            throw new IllegalStateException("HMAC tokens have no public key");
        }
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(publicKey.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /** Writes {@link #publicKeyPem()} to {@code jwt-public-key.pem} in {@code directory}; returns the file. */
    public Path writePublicKeyPem(Path directory) {
        try {
            return Files.writeString(directory.resolve("jwt-public-key.pem"), publicKeyPem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair generate(String algorithm, Consumer<KeyPairGenerator> init) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            init.accept(generator);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
