package io.chainmonitor.action.containment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.action.ActionApplication;
import io.chainmonitor.action.execution.StepContext;
import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.project.ProjectLifecycle;
import io.chainmonitor.support.embedded.test.EmbeddedInfrastructure;
import io.chainmonitor.support.kafka.EventPublisher;
import io.chainmonitor.support.security.test.JwtTestTokens;
import io.chainmonitor.support.test.HttpTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * restart-replica and raise-replicas against a local HTTP receiver standing in for the spawner's API, which records
 * every request (the restart endpoint itself is tested against a real spawner and anvil in the spawner's ITs).
 */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(classes = ActionApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + ActionApplication.NAME, "management.server.port=0",
        "chain-monitor.heartbeat.enabled=false",
        "chain-monitor.security.jwt.hmac-secret=" + JwtTestTokens.DEFAULT_HMAC_SECRET})
class ContainmentRunnersIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JwtTestTokens TOKENS = JwtTestTokens.hmac();
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final HttpServer SPAWNER = spawner();

    @Autowired
    RestartReplicaRunner restart;
    @Autowired
    RaiseReplicasRunner raise;
    @Autowired
    EventPublisher publisher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JwtDecoder decoder;
    @LocalServerPort
    int port;

    private final String owner = "owner-" + UUID.randomUUID();

    record Received(String method, String path, String authorization, String body) {
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.registerProperties(registry, "action");
        registry.add("chain-monitor.action.spawner.url",
                () -> "http://127.0.0.1:" + SPAWNER.getAddress().getPort());
    }

    @AfterAll
    static void stopSpawner() {
        SPAWNER.stop(0);
    }

    @BeforeEach
    void forget() {
        RECEIVED.clear();
    }

    @Test
    void restartReplicaPostsTheRestartOfTheFindingsReplicaOnBehalfOfTheOwner() throws Exception {
        UUID projectId = project(owner);

        String result = restart.prepare(context(projectId, "r-2", Map.of(), false)).run();

        assertThat(result).isEqualTo("replica r-2 restart accepted by the spawner");
        assertThat(RECEIVED).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/v1/projects/" + projectId + "/deployment/replicas/r-2/restart");
            Jwt token = decoder.decode(request.authorization().substring("Bearer ".length()));
            assertThat(token.getSubject()).isEqualTo(owner);
            assertThat(token.getClaimAsMap("act")).containsEntry("sub", "action-service");
        });
    }

    @Test
    void aRefusalOfTheSpawnerFailsTheStepWithItsAnswer() {
        UUID projectId = project(owner);

        assertThatThrownBy(() -> restart.prepare(context(projectId, "r-404", Map.of(), false)).run())
                .hasMessageContaining("answered 404").hasMessageContaining("no replica r-404");
    }

    @Test
    void raiseReplicasPutsTheProjectBackWithMoreReplicasInTheEmptiestLocationsUpToTheMax() throws Exception {
        UUID projectId = project(owner);

        String result = raise.prepare(context(projectId, "r-1", Map.of("by", "3", "max", "5"), false)).run();

        assertThat(result).isEqualTo("replicas raised from 3 to 5; the spawner rolls them out");
        assertThat(RECEIVED).extracting(Received::method).containsExactly("GET", "PUT");
        Received put = RECEIVED.get(1);
        assertThat(put.path()).isEqualTo("/api/v1/projects/" + projectId);
        assertThat(JSON.readTree(put.body())).isEqualTo(JSON.readTree("""
                {"name": "watched", "replicas": {"total": 5, "extraArgs": ["--steps-tracing"],
                 "locations": [{"name": "local-a", "count": 3}, {"name": "local-b", "count": 2}]}}"""));
    }

    @Test
    void raiseReplicasAtItsMaxSendsNoChange() {
        UUID projectId = project(owner);

        assertThatThrownBy(() -> raise.prepare(context(projectId, "r-1", Map.of("max", "3"), false)).run())
                .hasMessageContaining("already at or above max 3");
        assertThat(RECEIVED).extracting(Received::method).containsExactly("GET");
    }

    @Test
    void aDryRunSaysWhatItWouldSendAndChangesNothing() throws Exception {
        UUID projectId = project(owner);

        assertThat(restart.prepare(context(projectId, "r-1", Map.of(), true)).run())
                .isEqualTo("dry run: would POST http://127.0.0.1:" + SPAWNER.getAddress().getPort()
                        + "/api/v1/projects/" + projectId + "/deployment/replicas/r-1/restart");
        assertThat(raise.prepare(context(projectId, "r-1", Map.of("max", "4"), true)).run())
                .startsWith("dry run: would PUT").contains("from 3 to 4");
        assertThat(RECEIVED).extracting(Received::method).containsExactly("GET");
    }

    @Test
    void aRaiseReplicasPolicyWithoutAMaxOrWithAnUnboundedStepIsRefused() throws IOException {
        UUID projectId = project(owner);
        String token = TOKENS.token(claims -> claims.subject(owner));
        HttpTestClient client = new HttpTestClient(port);
        for (var refused : Map.of("{\"by\": \"2\"}", "max", "{\"by\": \"500\", \"max\": \"5\"}", "by").entrySet()) {
            HttpResponse<String> response = client.json("POST", "/api/v1/projects/" + projectId + "/action-policies",
                    token, """
                            {"name": "scale out", "mode": "AUTOMATIC",
                             "steps": [{"type": "raise-replicas", "parameters": %s}]}""".formatted(refused.getKey()));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("errors").get(0).get("field").asString())
                    .isEqualTo("steps[0].parameters." + refused.getValue());
        }
        HttpResponse<String> stored = client.json("POST", "/api/v1/projects/" + projectId + "/action-policies", token,
                """
                        {"name": "contain", "mode": "APPROVAL",
                         "steps": [{"type": "restart-replica"}, {"type": "raise-replicas", "parameters": {"max": "5"}}]}""");
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
    }

    private static StepContext context(UUID projectId, String replicaId, Map<String, String> parameters,
            boolean dryRun) {
        return new StepContext(new StepContext.Target(projectId, replicaId), "execution-1", null, parameters, dryRun);
    }

    private UUID project(String user) {
        String id = UUID.randomUUID().toString();
        publisher.publish(Envelope.of("/spawner-service/projects", "projects/" + id, id, Severity.LOW,
                new ProjectLifecycle(id, ProjectLifecycle.Change.CREATED, "watched", "anvil", "evm", "pos", null, 3,
                        List.of("local-a", "local-b"), 1, user)))
                .join();
        await().until(() -> jdbc.sql("select count(*) from project where project_id = ? and owner = ?")
                .params(id, user).query(Long.class).single() == 1);
        return UUID.fromString(id);
    }

    private static HttpServer spawner() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String path = exchange.getRequestURI().getPath();
                RECEIVED.add(new Received(exchange.getRequestMethod(), path,
                        exchange.getRequestHeaders().getFirst("Authorization"), body));
                int status;
                String answer;
                if (path.endsWith("/r-404/restart")) {
                    status = 404;
                    answer = "{\"type\": \"urn:chain-monitor:problem:not-found\", \"detail\": \"no replica r-404\"}";
                } else if (exchange.getRequestMethod().equals("GET")) {
                    status = 200;
                    answer = """
                            {"id": "%s", "name": "watched", "chainType": "anvil", "revision": 1,
                             "replicas": {"total": 3, "extraArgs": ["--steps-tracing"],
                              "locations": [{"name": "local-a", "count": 2}, {"name": "local-b", "count": 1}]}}"""
                            .formatted(path.substring(path.lastIndexOf('/') + 1));
                } else {
                    status = exchange.getRequestMethod().equals("PUT") ? 200 : 202;
                    answer = "{}";
                }
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
