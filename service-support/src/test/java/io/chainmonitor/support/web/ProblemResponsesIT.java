package io.chainmonitor.support.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.support.security.test.JwtTestTokens;
import io.chainmonitor.support.test.HttpTestClient;
import io.chainmonitor.support.testapp.TestWebApplication;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = TestWebApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = TestWebApplication.PROPERTIES, properties = "chain-monitor.security.jwt.hmac-secret="
        + JwtTestTokens.DEFAULT_HMAC_SECRET)
class ProblemResponsesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String JSON_TYPE = "application/json";

    private final HttpTestClient client;
    private final String token = JwtTestTokens.hmac().token();

    @Autowired
    ProblemResponsesIT(@LocalServerPort int port) {
        this.client = new HttpTestClient(port);
    }

    @Test
    void aValidBodyIsAccepted() {
        HttpResponse<String> response = client.send("POST", "/api/test/things", token, JSON_TYPE,
                "{\"name\":\"demo\",\"replicas\":2}");

        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void anInvalidBodyIsAProblemNamingEachFieldAtFault() {
        JsonNode problem = problem(client.send("POST", "/api/test/things", token, JSON_TYPE,
                "{\"name\":\"\",\"replicas\":0}"), 400);

        assertThat(problem.get("type").asString()).isEqualTo("urn:chain-monitor:problem:invalid-request");
        assertThat(problem.get("detail").asString()).contains("name must not be blank",
                "replicas must be greater than or equal to 1");
        assertThat(problem.get("errors").valueStream().map(error -> error.get("pointer").asString()))
                .containsExactlyInAnyOrder("/name", "/replicas");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/test/things");
    }

    @Test
    void anUnknownMemberIsRefusedByNameRatherThanDropped() {
        JsonNode problem = problem(client.send("POST", "/api/test/things", token, JSON_TYPE,
                "{\"name\":\"demo\",\"replicas\":2,\"replcias\":3}"), 400);

        assertThat(problem.get("type").asString()).isEqualTo("urn:chain-monitor:problem:invalid-request");
        assertThat(problem.toString()).contains("replcias");
    }

    @Test
    void malformedJsonIsAProblemSayingWhereItBreaks() {
        JsonNode problem = problem(client.send("POST", "/api/test/things", token, JSON_TYPE, "{\"name\":"), 400);

        assertThat(problem.get("detail").asString()).startsWith("the body is not valid JSON");
    }

    @Test
    void anInvalidParameterIsAProblemNamingIt() {
        JsonNode outOfRange = problem(client.get("/api/test/things?limit=0", token), 400);
        JsonNode notANumber = problem(client.get("/api/test/things?limit=ten", token), 400);
        JsonNode missing = problem(client.get("/api/test/things", token), 400);

        assertThat(outOfRange.get("errors").get(0).get("field").asString()).isEqualTo("limit");
        assertThat(outOfRange.get("detail").asString()).isEqualTo("limit must be greater than or equal to 1");
        assertThat(notANumber.get("detail").asString()).isEqualTo("limit must be a whole number");
        assertThat(missing.get("detail").asString()).contains("'limit'");
    }

    @Test
    void unknownPathsWrongMethodsAndWrongContentTypesAreProblems() {
        assertThat(problem(client.get("/api/test/nothing", token), 404).get("type").asString())
                .isEqualTo("urn:chain-monitor:problem:not-found");
        assertThat(problem(client.send("DELETE", "/api/test/hello", token, JSON_TYPE, ""), 405).get("type")
                .asString()).isEqualTo("urn:chain-monitor:problem:method-not-allowed");
        assertThat(problem(client.send("POST", "/api/test/things", token, "text/plain", "demo"), 415).get("type")
                .asString()).isEqualTo("urn:chain-monitor:problem:unsupported-media-type");
    }

    private static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).doesNotContain("java.", "Exception", "trace");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        return problem;
    }
}
