package io.chainmonitor.support.security;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.test.context.TestPropertySource;

import io.chainmonitor.support.security.test.JwtTestTokens;
import io.chainmonitor.support.test.HttpTestClient;
import io.chainmonitor.support.testapp.TestWebApplication;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = TestWebApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = TestWebApplication.PROPERTIES, properties = {
        "chain-monitor.security.jwt.hmac-secret=" + JwtTestTokens.DEFAULT_HMAC_SECRET,
        "chain-monitor.security.jwt.issuer=" + ApiSecurityHmacIT.ISSUER,
        "chain-monitor.security.jwt.audience=" + ApiSecurityHmacIT.AUDIENCE})
class ApiSecurityHmacIT {

    static final String ISSUER = "https://dashboard.chain-monitor.test";
    static final String AUDIENCE = "chain-monitor";
    private static final String NEW_THING = "{\"name\":\"a\",\"replicas\":1}";

    private final JwtTestTokens tokens = JwtTestTokens.hmac();
    private final HttpTestClient main;
    private final HttpTestClient management;

    @Autowired
    ApiSecurityHmacIT(@LocalServerPort int port, @LocalManagementPort int managementPort) {
        this.main = new HttpTestClient(port);
        this.management = new HttpTestClient(managementPort);
    }

    @Test
    void theApiAnswersAValidHmacSignedToken() {
        HttpResponse<String> response = main.get("/api/test/hello", validToken());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"subject\":\"" + JwtTestTokens.DEFAULT_SUBJECT + "\"");
    }

    @Test
    void theApiRefusesARequestWithoutATokenWithAProblem() {
        HttpResponse<String> response = main.get("/api/test/hello", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(response.body()).contains("\"status\":401", "urn:chain-monitor:problem:unauthorized");
    }

    @Test
    void theApiRefusesATokenSignedWithAnotherSecret() {
        String forged = JwtTestTokens.hmac("an-attacker-secret-that-is-long-enough").token(this::validClaims);

        assertUnauthorized(forged);
    }

    @Test
    void theApiRefusesAnExpiredToken() {
        assertUnauthorized(tokens.token(claims -> validClaims(claims.issuedAt(Instant.now().minusSeconds(3600))
                .expiresAt(Instant.now().minusSeconds(600)))));
    }

    @Test
    void theApiRefusesATokenFromAnotherIssuer() {
        assertUnauthorized(tokens.token(claims -> validClaims(claims).issuer("https://elsewhere.test")));
    }

    @Test
    void theApiRefusesATokenForAnotherAudience() {
        assertUnauthorized(tokens.token(claims -> validClaims(claims).audience(List.of("someone-else"))));
    }

    @Test
    void pathsOutsideTheApiAreClosedOnTheMainPort() {
        assertThat(main.get("/internal/hello", null).statusCode()).isEqualTo(401);
        assertThat(main.get("/internal/hello", validToken()).statusCode()).isEqualTo(403);
    }

    @Test
    void healthAndPrometheusAreOpenOnTheManagementPort() {
        HttpResponse<String> health = management.get("/actuator/health", null);
        HttpResponse<String> prometheus = management.get("/actuator/prometheus", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("service=\"test-service\"");
    }

    @Test
    void actuatorEndpointsAreNotReachableOnTheMainPort() {
        assertThat(main.get("/actuator/health", null).statusCode()).isEqualTo(401);
        assertThat(main.get("/actuator/prometheus", validToken()).statusCode()).isIn(403, 404);
    }

    @Test
    void aViewerTokenMayReadButNotChange() {
        String viewer = tokens.token(claims -> validClaims(claims).claim("roles", List.of("viewer")));

        HttpResponse<String> change = main.json("POST", "/api/test/things", viewer, NEW_THING);

        assertThat(main.get("/api/test/hello", viewer).statusCode()).isEqualTo(200);
        assertThat(change.statusCode()).isEqualTo(403);
        assertThat(change.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(change.body()).contains("urn:chain-monitor:problem:forbidden-for-role", "\"status\":403");
    }

    @Test
    void aTokenWithAWritingRoleMayChange() {
        for (String role : List.of("owner", "editor", "approver")) {
            String token = tokens.token(claims -> validClaims(claims).claim("roles", List.of("viewer", role)));

            assertThat(main.json("POST", "/api/test/things", token, NEW_THING).statusCode()).as(role).isEqualTo(201);
        }
    }

    @Test
    void aTokenWithoutARolesClaimIsNotRestricted() {
        assertThat(main.json("POST", "/api/test/things", validToken(), NEW_THING).statusCode()).isEqualTo(201);
    }

    @Test
    void aRolesClaimThatIsNotAListStillRestricts() {
        String viewer = tokens.token(claims -> validClaims(claims).claim("roles", "viewer"));

        assertThat(main.json("POST", "/api/test/things", viewer, NEW_THING).statusCode()).isEqualTo(403);
    }

    @Test
    void aViewerWithoutAValidTokenIsStillUnauthorizedFirst() {
        assertThat(main.json("POST", "/api/test/things", null, NEW_THING).statusCode()).isEqualTo(401);
    }

    private void assertUnauthorized(String token) {
        HttpResponse<String> response = main.get("/api/test/hello", token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("the bearer token was refused");
    }

    private String validToken() {
        return tokens.token(this::validClaims);
    }

    private JwtClaimsSet.Builder validClaims(JwtClaimsSet.Builder claims) {
        return claims.issuer(ISSUER).audience(List.of(AUDIENCE));
    }
}
