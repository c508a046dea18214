package io.chainmonitor.health.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.project.ProjectLifecycle;
import io.chainmonitor.health.HealthApplication;
import io.chainmonitor.support.embedded.test.EmbeddedInfrastructure;
import io.chainmonitor.support.kafka.EventPublisher;
import io.chainmonitor.support.security.test.JwtTestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The health service over real HTTP with the shared embedded broker and database: projects arrive on
 * {@code cm.projects.v1} as the spawner announces them.
 */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(classes = HealthApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + HealthApplication.NAME, "management.server.port=0",
        "chain-monitor.heartbeat.enabled=false",
        "chain-monitor.security.jwt.hmac-secret=" + JwtTestTokens.DEFAULT_HMAC_SECRET,
        "chain-monitor.health.rules.dry-run-max-events=40"})
public abstract class RulesApiIT {

    protected static final JwtTestTokens TOKENS = JwtTestTokens.hmac();
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final String YAML = "application/yaml";
    /** A rule set of one threshold rule, as a CI job keeps it; more rules are appended to it. */
    protected static final String MEMPOOL_RULE_SET = """
            pack: pow
            rules:
              - id: ci.mempool-high
                kind: threshold
                title: Mempool backlog
                description: Many transactions wait.
                severity: medium
                metric: node.mempool.size
                above: 5000
            """;

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected EventPublisher publisher;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.registerProperties(registry, "health");
    }

    protected static String user(String subject) {
        return TOKENS.token(claims -> claims.subject(subject));
    }

    /** A project owned by {@code owner}, announced on cm.projects.v1 as the spawner does; returns its id. */
    protected String project(String owner, String chainType, String consensus) {
        String id = UUID.randomUUID().toString();
        publisher.publish(Envelope.of("/spawner-service/projects", "projects/" + id, id, Severity.LOW,
                new ProjectLifecycle(id, ProjectLifecycle.Change.CREATED, "p-" + id.substring(0, 8), chainType,
                        null, consensus, null, 1, List.of("local"), 1, owner)))
                .join();
        await().until(() -> jdbc.sql("select count(*) from rules_project where project_id = ? and owner = ?")
                .params(id, owner).query(Long.class).single() == 1);
        return id;
    }

    protected HttpResponse<String> send(String method, String path, String token, String contentType, String body,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> get(String path, String token, String accept) {
        return send("GET", path, token, null, null, accept == null ? Map.of() : Map.of("Accept", accept));
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    protected static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/problem+json"));
        assertThat(json(response).get("type").asString()).isEqualTo("urn:chain-monitor:problem:" + type);
    }
}
