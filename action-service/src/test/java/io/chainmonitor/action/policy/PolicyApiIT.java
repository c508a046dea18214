package io.chainmonitor.action.policy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.action.ActionApplication;
import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.audit.AuditEntry;
import io.chainmonitor.events.project.ProjectLifecycle;
import io.chainmonitor.support.embedded.test.EmbeddedInfrastructure;
import io.chainmonitor.support.kafka.EventPublisher;
import io.chainmonitor.support.kafka.test.TopicReader;
import io.chainmonitor.support.security.test.JwtTestTokens;
import io.chainmonitor.support.test.HttpTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The policy and partner API over real HTTP, with the embedded broker and database. */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(classes = ActionApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + ActionApplication.NAME, "management.server.port=0",
        "chain-monitor.heartbeat.enabled=false",
        "chain-monitor.security.jwt.hmac-secret=" + JwtTestTokens.DEFAULT_HMAC_SECRET})
class PolicyApiIT {

    private static final JwtTestTokens TOKENS = JwtTestTokens.hmac();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String POLICY = """
            {"name": "inform exchanges", "mode": "AUTOMATIC", "cooldown": "PT30M",
             "trigger": {"minSeverity": "extreme", "attacks": ["selfish-mining"], "labels": {"chain": "litecoin"}},
             "steps": [{"type": "inform-partners", "timeout": "PT20S", "onFailure": "CONTINUE"},
                       {"type": "block-source", "parameters": {"duration": "PT2H"}}]}""";

    @LocalServerPort
    int port;

    private HttpTestClient client;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventPublisher publisher;

    private final String owner = "owner-" + UUID.randomUUID();
    private final String token = TOKENS.token(claims -> claims.subject(owner));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.registerProperties(registry, "action");
    }

    @Test
    void aPolicyIsCreatedWithItsDefaultsReadUpdatedDeletedAndAudited() {
        String projectId = project(owner);
        HttpResponse<String> created = send("POST", "/api/v1/projects/" + projectId + "/action-policies", token,
                POLICY);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode policy = json(created);
        String id = policy.get("id").asString();
        assertThat(created.headers().firstValue("Location"))
                .hasValue("/api/v1/projects/" + projectId + "/action-policies/" + id);
        assertThat(policy.get("enabled").asBoolean()).isTrue();
        assertThat(policy.get("trigger").get("minSeverity").asString()).isEqualTo("extreme");
        assertThat(policy.get("steps").get(1).get("timeout").asString()).isEqualTo("PT30S");
        assertThat(policy.get("steps").get(1).get("onFailure").asString()).isEqualTo("STOP");
        assertThat(policy.get("steps").get(0).get("onFailure").asString()).isEqualTo("CONTINUE");

        HttpResponse<String> listed = send("GET", "/api/v1/projects/" + projectId + "/action-policies", token, null);
        assertThat(json(listed).get(0)).isEqualTo(policy);

        HttpResponse<String> updated = send("PUT", "/api/v1/projects/" + projectId + "/action-policies/" + id, token,
                POLICY.replace("AUTOMATIC", "APPROVAL"));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(json(send("GET", "/api/v1/projects/" + projectId + "/action-policies/" + id, token, null))
                .get("mode").asString()).isEqualTo("APPROVAL");

        assertThat(send("DELETE", "/api/v1/projects/" + projectId + "/action-policies/" + id, token, null)
                .statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/v1/projects/" + projectId + "/action-policies/" + id, token, null).statusCode())
                .isEqualTo(404);

        List<Envelope<?>> audit = await().until(() -> TopicReader.eventsOf("cm.audit.v1", projectId),
                events -> events.size() == 3);
        assertThat(audit).extracting(event -> ((AuditEntry) event.data()).action()).containsExactly(
                "action.policy.created", "action.policy.updated", "action.policy.deleted");
        assertThat(audit).allSatisfy(event -> assertThat(((AuditEntry) event.data()).actor()).isEqualTo(owner));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "file:///etc/passwd",
            "http://127.0.0.1:8080/internal", "http://10.0.0.1/"})
    void aHostileHttpCallUrlIsRefusedAtPolicyCreation(String url) {
        String projectId = project(owner);
        HttpResponse<String> refused = send("POST", "/api/v1/projects/" + projectId + "/action-policies", token, """
                {"name": "call out", "mode": "AUTOMATIC",
                 "steps": [{"type": "http-call", "parameters": {"url": "%s"}}]}""".formatted(url));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(refused).get("errors").get(0).get("field").asString())
                .isEqualTo("steps[0].parameters.url");
        assertThat(count("select count(*) from action_policy where project_id = ?", projectId)).isZero();
    }

    @Test
    void malformedPoliciesAreRefusedWithTheMemberTheyAreAbout() {
        String projectId = project(owner);
        String path = "/api/v1/projects/" + projectId + "/action-policies";
        assertThat(field(send("POST", path, token, POLICY.replace("\"extreme\"", "\"dire\"")))).isEqualTo(
                "trigger.minSeverity");
        assertThat(field(send("POST", path, token, POLICY.replace("inform-partners", "launch-missiles"))))
                .isEqualTo("steps[0].type");
        assertThat(field(send("POST", path, token, POLICY.replace("\"PT20S\"", "\"PT1H\"")))).isEqualTo(
                "steps[0].timeout");
        assertThat(field(send("POST", path, token, POLICY.replace("\"duration\"", "\"color\""))))
                .isEqualTo("steps[1].parameters.color");
        assertThat(field(send("POST", path, token, """
                {"name": "no steps", "mode": "DRY_RUN", "steps": []}""")))
                .isEqualTo("steps");
        HttpResponse<String> badMode = send("POST", path, token, POLICY.replace("AUTOMATIC", "SOMETIMES"));
        assertThat(badMode.statusCode()).as(badMode.body()).isEqualTo(400);
        assertThat(send("POST", path, token, POLICY).statusCode()).isEqualTo(201);
        HttpResponse<String> twice = send("POST", path, token, POLICY);
        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(409);
    }

    @Test
    void onlyTheOwnerSeesAProjectsPoliciesAndPartners() {
        String projectId = project(owner);
        String stranger = TOKENS.token(claims -> claims.subject("someone-else"));
        assertThat(send("GET", "/api/v1/projects/" + projectId + "/action-policies", stranger, null).statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/api/v1/projects/" + projectId + "/partners", stranger, null).statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/api/v1/projects/" + projectId + "/partners", null, null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aPartnerSecretGoesInButNeverComesOutAndHostileWebhooksAreRefused() {
        String projectId = project(owner);
        String path = "/api/v1/projects/" + projectId + "/partners";
        HttpResponse<String> created = send("POST", path, token, """
                {"name": "Exchange A", "webhookUrl": "https://93.184.216.34/chain-monitor",
                 "webhookSecret": "whsec-0123456789abcdef", "email": "security@exchange-a.example"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("whsec");
        assertThat(json(created).get("webhookSecretConfigured").asBoolean()).isTrue();

        String id = json(created).get("id").asString();
        HttpResponse<String> renamed = send("PUT", path + "/" + id, token, """
                {"name": "Exchange B", "webhookUrl": "https://93.184.216.34/chain-monitor",
                 "email": "security@exchange-a.example"}""");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(jdbc.sql("select webhook_secret from partner where id = ?").param(UUID.fromString(id))
                .query(String.class).single()).isEqualTo("whsec-0123456789abcdef");

        HttpResponse<String> metadata = send("POST", path, token,
                """
                        {"name": "Evil", "webhookUrl": "http://169.254.169.254/latest", "webhookSecret": "0123456789abcdef"}""");
        assertThat(metadata.statusCode()).as(metadata.body()).isEqualTo(422);
        assertThat(json(metadata).get("errors").get(0).get("field").asString()).isEqualTo("webhookUrl");
        HttpResponse<String> noWay = send("POST", path, token, """
                {"name": "Nobody"}""");
        assertThat(noWay.statusCode()).as(noWay.body()).isEqualTo(400);
        List<Envelope<?>> audit = await().until(() -> TopicReader.eventsOf("cm.audit.v1", projectId),
                events -> events.size() == 2);
        assertThat(audit.toString()).doesNotContain("whsec");
    }

    private String project(String user) {
        String id = UUID.randomUUID().toString();
        publisher.publish(Envelope.of("/spawner-service/projects", "projects/" + id, id, Severity.LOW,
                new ProjectLifecycle(id, ProjectLifecycle.Change.CREATED, "p", "litecoin", "bitcoin", "pow", null, 3,
                        List.of("local"), 1, user)))
                .join();
        await().until(() -> count("select count(*) from project where project_id = ? and owner = ?", id, user) == 1);
        return id;
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static String field(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return json(response).get("errors").get(0).get("field").asString();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String token, String json) {
        if (client == null) {
            client = new HttpTestClient(port);
        }
        return client.json(method, path, token, json);
    }
}
