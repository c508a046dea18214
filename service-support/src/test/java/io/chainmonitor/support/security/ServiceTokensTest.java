package io.chainmonitor.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import io.chainmonitor.support.test.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceTokensTest {

    private static final String SECRET = "a-shared-secret-that-is-long-enough-for-hs256";

    private final JwtDecoder decoder = JwtVerification
            .decoder(new ApiSecurityProperties.Jwt(null, null, SECRET, null, null, Duration.ofSeconds(30)));

    @Test
    void aMintedTokenVerifiesWithTheServicesDecoderAndNamesTheCallingService() {
        ServiceTokens tokens = ServiceTokens.of("action-service", SECRET, ServiceTokens.DEFAULT_LIFETIME,
                Clock.systemUTC());

        Jwt jwt = decoder.decode(tokens.authorization().orElseThrow().substring("Bearer ".length()));

        assertThat(jwt.getSubject()).isEqualTo("action-service");
        assertThat(jwt.getExpiresAt()).isNotNull();
    }

    @Test
    void aTokenIsReusedUntilShortlyBeforeItExpires() {
        Instant start = Instant.now();
        ServiceTokens early = ServiceTokens.of("s", SECRET, Duration.ofMinutes(5), Clock.fixed(start, ZoneOffset.UTC));
        String first = early.authorization().orElseThrow();

        assertThat(early.authorization()).contains(first);
    }

    @Test
    void aTokenIsRenewedOnceItIsAboutToExpire() {
        MutableClock clock = new MutableClock(Instant.now());
        ServiceTokens tokens = ServiceTokens.of("s", SECRET, Duration.ofMinutes(5), clock);
        String first = tokens.authorization().orElseThrow();

        clock.advance(Duration.ofMinutes(4).plusSeconds(45));

        assertThat(tokens.authorization().orElseThrow()).isNotEqualTo(first);
    }

    @Test
    void aTokenSignedWithAnotherSecretDoesNotVerify() {
        ServiceTokens other = ServiceTokens.of("s", "another-secret-that-is-long-enough-for-hs256",
                ServiceTokens.DEFAULT_LIFETIME, Clock.systemUTC());

        assertThatThrownBy(() -> decoder.decode(other.authorization().orElseThrow().substring(7)))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void noTokenIsMintedWithoutASecret() {
        assertThat(ServiceTokens.of("s", null, ServiceTokens.DEFAULT_LIFETIME, Clock.systemUTC()).authorization())
                .isEmpty();
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> ServiceTokens.of("s", "short", ServiceTokens.DEFAULT_LIFETIME, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
