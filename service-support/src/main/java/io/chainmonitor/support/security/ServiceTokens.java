package io.chainmonitor.support.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Short-lived HS256 bearer tokens a service sends to another service's API, subject = the calling service's name,
 * signed with the shared {@code chain-monitor.security.jwt.hmac-secret}. A token is reused until shortly before it
 * expires, so that a burst of calls does not mint one each.
 */
public final class ServiceTokens {

    /** How long a minted token is valid. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);
    /** How long before its expiry a token is replaced, so that it never expires in flight. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(1);

    private final String serviceName;
    private final NimbusJwtEncoder encoder;
    private final String issuer;
    private final String audience;
    private final Clock clock;
    private Minted current;

    /**
     * @param hmacSecret the shared secret, or null when this deployment verifies tokens otherwise: then no token is
     *            minted and the caller goes without
     */
    public ServiceTokens(String serviceName, String hmacSecret, String issuer, String audience, Clock clock) {
        this.serviceName = serviceName;
        this.encoder = hmacSecret == null
                ? null
                : NimbusJwtEncoder.withSecretKey(
                        new SecretKeySpec(hmacSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256")).build();
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    /** A valid token for this service, or empty when no HMAC secret is configured. */
    public synchronized Optional<String> token() {
        if (encoder == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (current == null || !now.isBefore(current.expiresAt().minus(RENEW_BEFORE))) {
            Instant expiresAt = now.plus(LIFETIME);
            current = new Minted(encode(JwtClaimsSet.builder().subject(serviceName), now), expiresAt);
        }
        return Optional.of(current.value());
    }

    /**
     * A fresh token with subject {@code user} and an RFC 8693 {@code act} claim naming this service: the service acts
     * on the user's behalf (the action service on a project owner's), so an API that admits only the owner admits it
     * and can still tell who acted. Empty when no HMAC secret is configured.
     */
    public Optional<String> authorizationOnBehalfOf(String user) {
        if (encoder == null) {
            return Optional.empty();
        }
        return Optional.of("Bearer " + encode(
                JwtClaimsSet.builder().subject(user).claim("act", Map.of("sub", serviceName)), clock.instant()));
    }

    private String encode(JwtClaimsSet.Builder claims, Instant now) {
        claims.issuedAt(now).expiresAt(now.plus(LIFETIME));
        if (issuer != null) {
            claims.issuer(issuer);
        }
        if (audience != null) {
            claims.audience(List.of(audience));
        }
        return encoder.encode(JwtEncoderParameters
                .from(JwsHeader.with(MacAlgorithm.HS256).type("JWT").build(), claims.build())).getTokenValue();
    }

    /** The {@code Authorization} header value, or empty when no token can be minted. */
    public Optional<String> authorization() {
        return token().map(value -> "Bearer " + value);
    }

    private record Minted(String value, Instant expiresAt) {
    }
}
