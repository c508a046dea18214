package io.chainmonitor.support.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints short-lived HS256 bearer tokens for calls to other services, with the calling service's name as subject, when
 * the shared {@code chain-monitor.security.jwt.hmac-secret} is configured; a token is reused until shortly before it
 * expires.
 */
public final class ServiceTokens {

    /** How long a minted token is valid. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    // A token is renewed this long before its expiry, so that it never expires on its way to the callee.
    private static final Duration RENEW_BEFORE = Duration.ofSeconds(30);

    private final String serviceName;
    private final byte[] secret;
    private final Duration lifetime;
    private final Clock clock;
    private String cached;
    private Instant cachedExpiry = Instant.MIN;

    private ServiceTokens(String serviceName, byte[] secret, Duration lifetime, Clock clock) {
        this.serviceName = serviceName;
        this.secret = secret;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /**
     * Tokens for {@code serviceName}; without a secret (another key kind is configured, or none) no token is minted.
     */
    public static ServiceTokens of(String serviceName, String hmacSecret, Duration lifetime, Clock clock) {
        if (serviceName == null || serviceName.isBlank()) {
            throw new IllegalArgumentException("serviceName must not be blank");
        }
        if (lifetime.compareTo(RENEW_BEFORE.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("lifetime must be at least " + RENEW_BEFORE.multipliedBy(2));
        }
        byte[] secret = hmacSecret == null ? null : hmacSecret.getBytes(StandardCharsets.UTF_8);
        if (secret != null && secret.length < ApiSecurityProperties.Jwt.MIN_HMAC_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "hmac-secret must be at least " + ApiSecurityProperties.Jwt.MIN_HMAC_SECRET_BYTES + " bytes long");
        }
        return new ServiceTokens(serviceName, secret, lifetime, clock);
    }

    /** The value of an {@code Authorization} header, or empty when no secret is configured. */
    public synchronized Optional<String> authorization() {
        if (secret == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(cachedExpiry.minus(RENEW_BEFORE))) {
            Instant expiry = now.plus(lifetime);
            cached = mint(now, expiry);
            cachedExpiry = expiry;
        }
        return Optional.of("Bearer " + cached);
    }

    private String mint(Instant now, Instant expiry) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(serviceName)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expiry))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("HS256 signing failed", e);
        }
        return jwt.serialize();
    }
}
