package io.chainmonitor.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import io.chainmonitor.support.security.test.JwtTestTokens;
import io.chainmonitor.support.test.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceTokensTest {

    private static final ApiSecurityProperties.Jwt HMAC = new ApiSecurityProperties.Jwt(null, null,
            JwtTestTokens.DEFAULT_HMAC_SECRET, "chain-monitor", "chain-monitor-api", Duration.ofSeconds(60));

    @Test
    void aMintedTokenVerifiesWithTheServicesOwnDecoderAndNamesTheCallingService() {
        ServiceTokens tokens = new ServiceTokens("action-service", HMAC.hmacSecret(), HMAC.issuer(), HMAC.audience(),
                Clock.systemUTC());
        JwtDecoder decoder = JwtVerification.decoder(HMAC);

        Jwt jwt = decoder.decode(tokens.token().orElseThrow());

        assertThat(jwt.getSubject()).isEqualTo("action-service");
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("chain-monitor");
        assertThat(jwt.getAudience()).containsExactly("chain-monitor-api");
        assertThat(tokens.authorization()).hasValueSatisfying(header -> assertThat(header).startsWith("Bearer ey"));
    }

    @Test
    void aTokenOnBehalfOfAUserNamesTheUserAsSubjectAndTheServiceAsActor() {
        ServiceTokens tokens = new ServiceTokens("action-service", HMAC.hmacSecret(), HMAC.issuer(), HMAC.audience(),
                Clock.systemUTC());

        String header = tokens.authorizationOnBehalfOf("owner-7").orElseThrow();
        Jwt jwt = JwtVerification.decoder(HMAC).decode(header.substring("Bearer ".length()));

        assertThat(jwt.getSubject()).isEqualTo("owner-7");
        assertThat(jwt.getClaimAsMap("act")).containsEntry("sub", "action-service");
        assertThat(jwt.getAudience()).containsExactly("chain-monitor-api");
        assertThat(new ServiceTokens("action-service", null, null, null, Clock.systemUTC())
                .authorizationOnBehalfOf("owner-7")).isEmpty();
    }

    @Test
    void aTokenIsReusedUntilShortlyBeforeItExpiresAndThenReplaced() {
        MutableClock clock = new MutableClock(Instant.now());
        ServiceTokens tokens = new ServiceTokens("action-service", HMAC.hmacSecret(), null, null, clock);
        String first = tokens.token().orElseThrow();

        clock.advance(ServiceTokens.LIFETIME.minus(ServiceTokens.RENEW_BEFORE).minusSeconds(1));
        assertThat(tokens.token()).hasValue(first);

        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.token()).isPresent().get().isNotEqualTo(first);
    }

    @Test
    void aTokenSignedWithAnotherSecretDoesNotVerify() {
        ServiceTokens foreign = new ServiceTokens("action-service", "another-secret-of-at-least-32-bytes!!", null,
                null, Clock.systemUTC());
        assertThatThrownBy(() -> JwtVerification.decoder(HMAC).decode(foreign.token().orElseThrow()))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void withoutAnHmacSecretNoTokenIsMinted() {
        ServiceTokens tokens = new ServiceTokens("action-service", null, null, null, Clock.systemUTC());
        assertThat(tokens.token()).isEmpty();
        assertThat(tokens.authorization()).isEmpty();
    }
}
