package io.chainmonitor.support.security;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import io.chainmonitor.support.security.test.JwtTestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtVerificationTest {

    private static final Duration SKEW = Duration.ofSeconds(30);

    private final JwtTestTokens tokens = JwtTestTokens.hmac();

    @Test
    void aTokenSignedWithTheSharedSecretIsAccepted() {
        Jwt jwt = hmacDecoder(null, null).decode(tokens.token());

        assertThat(jwt.getSubject()).isEqualTo(JwtTestTokens.DEFAULT_SUBJECT);
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRejected() {
        String forged = JwtTestTokens.hmac("another-secret-that-is-long-enough-to-sign").token();

        assertThatThrownBy(() -> hmacDecoder(null, null).decode(forged)).isInstanceOf(JwtException.class);
    }

    @Test
    void anExpiredTokenIsRejectedOnceTheClockSkewHasPassed() {
        String expired = tokens.token(claims -> claims.issuedAt(Instant.now().minusSeconds(600))
                .expiresAt(Instant.now().minus(SKEW).minusSeconds(5)));

        assertThatThrownBy(() -> hmacDecoder(null, null).decode(expired)).isInstanceOf(JwtException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aTokenExpiredByLessThanTheClockSkewIsStillAccepted() {
        String justExpired = tokens.token(claims -> claims.issuedAt(Instant.now().minusSeconds(600))
                .expiresAt(Instant.now().minusSeconds(5)));

        assertThat(hmacDecoder(null, null).decode(justExpired).getSubject()).isEqualTo(JwtTestTokens.DEFAULT_SUBJECT);
    }

    @Test
    void aTokenWithoutAnExpiryIsRejected() {
        String forever = tokens.token(claims -> claims.claims(map -> map.remove("exp")));

        assertThatThrownBy(() -> hmacDecoder(null, null).decode(forever)).isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenFromAnotherIssuerIsRejectedWhenTheIssuerIsConfigured() {
        JwtDecoder decoder = hmacDecoder("https://dashboard.chain-monitor.test", null);

        assertThatThrownBy(() -> decoder.decode(tokens.token(claims -> claims.issuer("https://elsewhere.test"))))
                .isInstanceOf(JwtException.class).hasMessageContaining("iss");
        assertThat(decoder.decode(tokens.token(claims -> claims.issuer("https://dashboard.chain-monitor.test")))
                .getIssuer()).hasToString("https://dashboard.chain-monitor.test");
    }

    @Test
    void aTokenForAnotherAudienceIsRejectedWhenTheAudienceIsConfigured() {
        JwtDecoder decoder = hmacDecoder(null, "chain-monitor");

        assertThatThrownBy(() -> decoder.decode(tokens.token(claims -> claims.audience(List.of("other-api")))))
                .isInstanceOf(JwtException.class).hasMessageContaining("aud");
        assertThat(decoder.decode(tokens.token(claims -> claims.audience(List.of("chain-monitor", "other-api"))))
                .getAudience()).contains("chain-monitor");
    }

    @Test
    void anRsaTokenIsVerifiedWithThePublicKeyReadFromPem(@TempDir Path directory) {
        JwtTestTokens rsa = JwtTestTokens.rsa();
        JwtDecoder decoder = publicKeyDecoder(rsa.writePublicKeyPem(directory));

        assertThat(decoder.decode(rsa.token()).getSubject()).isEqualTo(JwtTestTokens.DEFAULT_SUBJECT);
        assertThatThrownBy(() -> decoder.decode(JwtTestTokens.rsa().token())).isInstanceOf(JwtException.class);
    }

    @Test
    void anEcTokenIsVerifiedWithThePublicKeyReadFromPem(@TempDir Path directory) {
        JwtTestTokens ec = JwtTestTokens.ec();
        JwtDecoder decoder = publicKeyDecoder(ec.writePublicKeyPem(directory));

        assertThat(decoder.decode(ec.token()).getSubject()).isEqualTo(JwtTestTokens.DEFAULT_SUBJECT);
    }

    @Test
    void anHmacTokenIsRejectedByAPublicKeyDecoder(@TempDir Path directory) {
        JwtDecoder decoder = publicKeyDecoder(JwtTestTokens.rsa().writePublicKeyPem(directory));

        assertThatThrownBy(() -> decoder.decode(tokens.token())).isInstanceOf(JwtException.class);
    }

    @Test
    void aPemThatIsNoPublicKeyIsRefused() {
        assertThatThrownBy(() -> PublicKeys.parse("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
                .hasMessageContaining("PRIVATE KEY");
        assertThatThrownBy(() -> PublicKeys.parse("not a pem")).hasMessageContaining("not a PEM");
    }

    @Test
    void exactlyOneKeySourceMustBeConfigured() {
        assertThatThrownBy(() -> jwt(null, null, null)).hasMessageContaining("exactly one")
                .hasMessageContaining("found 0");
        assertThatThrownBy(() -> new ApiSecurityProperties.Jwt(Path.of("jwks.json").toUri(), null,
                JwtTestTokens.DEFAULT_HMAC_SECRET, null, null, SKEW)).hasMessageContaining("found 2");
    }

    @Test
    void anHmacSecretShorterThan32BytesIsRefused() {
        assertThatThrownBy(() -> jwt("too-short-a-secret", null, null)).hasMessageContaining("at least 32 bytes");
    }

    @Test
    void theClockSkewIsBoundedToFiveMinutes() {
        assertThatThrownBy(() -> new ApiSecurityProperties.Jwt(null, null, JwtTestTokens.DEFAULT_HMAC_SECRET, null,
                null, Duration.ofMinutes(6))).hasMessageContaining("clock-skew");
    }

    @Test
    void theSecretNeverAppearsInTheConfigurationsText() {
        assertThat(jwt(JwtTestTokens.DEFAULT_HMAC_SECRET, null, null).toString())
                .doesNotContain(JwtTestTokens.DEFAULT_HMAC_SECRET).contains("(hidden)");
    }

    private static JwtDecoder hmacDecoder(String issuer, String audience) {
        return JwtVerification.decoder(jwt(JwtTestTokens.DEFAULT_HMAC_SECRET, issuer, audience));
    }

    private static JwtDecoder publicKeyDecoder(Path pem) {
        return JwtVerification.decoder(
                new ApiSecurityProperties.Jwt(null, new FileSystemResource(pem), null, null, null, SKEW));
    }

    private static ApiSecurityProperties.Jwt jwt(String secret, String issuer, String audience) {
        return new ApiSecurityProperties.Jwt(null, null, secret, issuer, audience, SKEW);
    }
}
