package io.chainmonitor.support.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import jakarta.validation.Valid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call a service's API: {@code /api/**} needs a JWT bearer token verified as {@link Jwt} says; other paths
 * of the main port are closed unless listed in {@code permitPaths}.
 *
 * @param jwt how bearer tokens are verified
 * @param permitPaths path patterns open to anyone, such as a dashboard's static assets
 */
@Validated
@ConfigurationProperties("chain-monitor.security")
record ApiSecurityProperties(@DefaultValue @Valid Jwt jwt, @DefaultValue List<String> permitPaths) {

    /**
     * The key that signs tokens, exactly one of three; the issuer and audience are checked when set.
     *
     * @param jwkSetUri where the issuer publishes its keys (RSA or EC)
     * @param publicKeyLocation a PEM public key or certificate, RSA or EC
     * @param hmacSecret a shared secret of at least 32 bytes (HS256), for a single machine
     * @param issuer the required {@code iss} claim
     * @param audience a value the {@code aud} claim must contain
     * @param clockSkew how far clocks may disagree when checking {@code exp} and {@code nbf}; at most 5 minutes
     */
    record Jwt(
            URI jwkSetUri,
            Resource publicKeyLocation,
            String hmacSecret,
            String issuer,
            String audience,
            @DefaultValue("60s") Duration clockSkew) {

        static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
        static final int MIN_HMAC_SECRET_BYTES = 32;

        Jwt {
            long keys = Stream.of(jwkSetUri, publicKeyLocation, hmacSecret).filter(Objects::nonNull).count();
            if (keys != 1) {
                throw new IllegalArgumentException(
                        "configure exactly one of jwk-set-uri, public-key-location and hmac-secret, found " + keys);
            }
            if (hmacSecret != null && hmacSecret.getBytes(StandardCharsets.UTF_8).length < MIN_HMAC_SECRET_BYTES) {
                throw new IllegalArgumentException(
                        "hmac-secret must be at least " + MIN_HMAC_SECRET_BYTES + " bytes long");
            }
            if (clockSkew == null || clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
                throw new IllegalArgumentException("clock-skew must be between 0 and " + MAX_CLOCK_SKEW);
            }
        }

        @Override
        public String toString() {
            return "Jwt[jwkSetUri=" + jwkSetUri + ", publicKeyLocation=" + publicKeyLocation + ", hmacSecret="
                    + (hmacSecret == null ? null : "(hidden)") + ", issuer=" + issuer + ", audience=" + audience
                    + ", clockSkew=" + clockSkew + "]";
        }
    }
}
