package io.chainmonitor.alerts.config;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import io.chainmonitor.alerts.AlertsIT;
import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.audit.AuditEntry;
import io.chainmonitor.support.kafka.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConfigApiIT extends AlertsIT {

    private static final String SLACK = "https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX";

    private final String owner = "owner-" + UUID.randomUUID();
    private final String token = user(owner);

    @Test
    void contactSecretsAreStoredEncryptedNeverReturnedAndAuditedWithoutTheirValues() {
        String projectId = project(owner, "secrets");
        HttpResponse<String> created = send("POST", "/api/v1/projects/" + projectId + "/alerts/contacts", token, """
                {"name": "ops", "email": "ops@example.com", "slackWebhook": "%s",
                 "webhook": {"url": "https://hooks.example.com/chain-monitor", "secret": "whsec-0123456789abcdef"},
                 "pagerdutyRoutingKey": "R0123456789abcdef0123456789abcde", "telegramChatId": "-100123"}
                """.formatted(SLACK));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode contact = json(created);
        String id = contact.get("id").asString();
        assertThat(created.headers().firstValue("Location"))
                .hasValue("/api/v1/projects/" + projectId + "/alerts/contacts/" + id);
        assertThat(contact.get("slackWebhook").toString()).isEqualTo("{\"configured\":true}");
        assertThat(contact.get("webhook").toString()).isEqualTo("{\"configured\":true}");
        assertThat(contact.get("pagerduty").toString()).isEqualTo("{\"configured\":true}");
        assertThat(created.body()).doesNotContain("hooks.slack.com", "whsec", "R0123456789", "hooks.example.com");
        HttpResponse<String> listed = send("GET", "/api/v1/projects/" + projectId + "/alerts/contacts", token, null);
        assertThat(json(listed).get(0)).isEqualTo(contact);
        byte[] stored = jdbc.sql("select slack_webhook from contact where id = ?").param(UUID.fromString(id))
                .query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("hooks.slack.com");

        List<Envelope<?>> audit = await().until(() -> {
            ticker.tick(); // the outbox goes out with the ticks
            return TopicReader.eventsOf("cm.audit.v1", projectId);
        }, events -> !events.isEmpty());
        assertThat(audit).singleElement().satisfies(event -> {
            AuditEntry entry = (AuditEntry) event.data();
            assertThat(entry.action()).isEqualTo("alerts.contact.created");
            assertThat(entry.actor()).isEqualTo(owner);
            assertThat(entry.resourceId()).isEqualTo(id);
            assertThat(entry.changes()).containsEntry("slackWebhook", "set").containsEntry("webhook", "set")
                    .containsEntry("pagerdutyRoutingKey", "set").containsEntry("email", "ops@example.com");
            assertThat(entry.changes().toString()).doesNotContain("hooks.slack.com", "whsec");
        });
    }

    @Test
    void anUpdateKeepsSecretsLeftOutAndRemovesEmptyOnes() {
        String projectId = project(owner, "update");
        String id = createContact(projectId, token, """
                {"name": "ops", "slackWebhook": "%s", "pagerdutyRoutingKey": "R0123456789abcdef0123456789abcde"}
                """.formatted(SLACK));
        HttpResponse<String> updated = send("PUT", "/api/v1/projects/" + projectId + "/alerts/contacts/" + id, token,
                """
                        {"name": "ops team", "pagerdutyRoutingKey": ""}""");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(json(updated).get("name").asString()).isEqualTo("ops team");
        assertThat(json(updated).get("slackWebhook").get("configured").asBoolean()).isTrue();
        assertThat(json(updated).has("pagerduty") && json(updated).get("pagerduty").get("configured").asBoolean())
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource({"http://169.254.169.254/latest/meta-data/, 169.254.169.254 is the cloud metadata endpoint",
            "http://10.0.0.1/hook, 10.0.0.1 is private (10.0.0.0/8)",
            "'http://[::1]:8080/hook', 0:0:0:0:0:0:0:1 is loopback (::1)",
            "https://intranet.example.com/hook, 192.168.10.20 (resolved from intranet.example.com) is private",
            "gopher://hooks.example.com/, only http and https URLs are allowed"})
    void webhookUrlsPointingInsideAreRefusedWithTheReasonAndNothingIsStored(String url, String reason) {
        String projectId = project(owner, "ssrf");
        for (String body : List.of("{\"name\": \"x\", \"slackWebhook\": \"" + url + "\"}",
                "{\"name\": \"x\", \"webhook\": {\"url\": \"" + url + "\", \"secret\": \"whsec-0123456789abcdef\"}}")) {
            HttpResponse<String> refused = send("POST", "/api/v1/projects/" + projectId + "/alerts/contacts", token,
                    body);
            assertProblem(refused, 422, "destination-refused");
            assertThat(json(refused).get("detail").asString()).contains(reason);
        }
        assertThat(count("select count(*) from contact where project_id = ?", projectId)).isZero();
    }

    @Test
    void silencesNeedMatchersAndAnEndAndCanBeEndedEarly() {
        String projectId = project(owner, "silences");
        String silences = "/api/v1/projects/" + projectId + "/alerts/silences";
        assertProblem(send("POST", silences, token, "{\"duration\": \"1h\"}"), 400, "invalid-request");
        assertProblem(send("POST", silences, token,
                "{\"matchers\": [{\"field\": \"ruleId\", \"op\": \"=\", \"value\": \"x\"}]}"), 400,
                "invalid-request");
        assertProblem(send("POST", silences, token,
                "{\"matchers\": [{\"field\": \"colour\", \"op\": \"=\", \"value\": \"x\"}], \"duration\": \"1h\"}"),
                400, "invalid-request");
        assertProblem(send("POST", silences, token,
                "{\"matchers\": [{\"field\": \"ruleId\", \"op\": \"=\", \"value\": \"x\"}], \"duration\": \"forever\"}"),
                400, "invalid-request");
        HttpResponse<String> created = send("POST", silences, token,
                "{\"matchers\": [{\"field\": \"ruleId\", \"op\": \"=\", \"value\": \"x\"}], \"duration\": \"1h\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").asString();
        assertThat(json(send("GET", silences, token, null)).get(0).get("active").asBoolean()).isTrue();

        assertThat(send("DELETE", silences + "/" + id, token, null).statusCode()).isEqualTo(204);

        assertThat(json(send("GET", silences + "/" + id, token, null)).get("active").asBoolean()).isFalse();
    }

    @Test
    void anotherUsersProjectIsNotFoundAndNoTokenIsUnauthorized() {
        String projectId = project(owner, "private");
        assertProblem(send("GET", "/api/v1/projects/" + projectId + "/alerts/contacts", user("mallory"), null), 404,
                "not-found");
        assertThat(send("GET", "/api/v1/projects/" + projectId + "/alerts/contacts", null, null).statusCode())
                .isEqualTo(401);
        assertProblem(send("GET", "/api/v1/projects/" + UUID.randomUUID() + "/alerts/policy", token, null), 404,
                "not-found");
    }

    @Test
    void invalidContactsAndPoliciesAreRefusedByMemberAndNothingIsStored() {
        String projectId = project(owner, "validation");
        HttpResponse<String> noSecret = send("POST", "/api/v1/projects/" + projectId + "/alerts/contacts", token,
                "{\"name\": \"x\", \"webhook\": {\"url\": \"https://hooks.example.com/x\"}}");
        assertProblem(noSecret, 400, "invalid-request");
        assertThat(json(noSecret).get("errors").get(0).get("pointer").asString()).isEqualTo("/webhook/secret");
        assertProblem(send("POST", "/api/v1/projects/" + projectId + "/alerts/contacts", token,
                "{\"name\": \"x\", \"email\": \"not-an-address\"}"), 400, "invalid-request");
        String contact = createContact(projectId, token, "{\"name\": \"ops\", \"email\": \"ops@example.com\"}");

        HttpResponse<String> unknownContact = send("PUT", "/api/v1/projects/" + projectId + "/alerts/policy", token,
                """
                        {"tiers": [{"name": "on-call", "contacts": ["%s"]}]}""".formatted(UUID.randomUUID()));
        assertProblem(unknownContact, 400, "invalid-request");
        assertThat(json(unknownContact).get("errors").get(0).get("pointer").asString())
                .isEqualTo("/tiers/0/contacts/0");
        HttpResponse<String> extremeWait = send("PUT", "/api/v1/projects/" + projectId + "/alerts/policy", token,
                """
                        {"tiers": [{"name": "on-call", "contacts": ["%s"]}],
                         "timing": {"extreme": {"groupWait": "30s"}}}""".formatted(contact));
        assertProblem(extremeWait, 400, "invalid-request");
        assertThat(json(extremeWait).get("detail").asString()).contains("Extreme findings are notified at once");
        assertProblem(send("PUT", "/api/v1/projects/" + projectId + "/alerts/policy", token, """
                {"tiers": [{"name": "on-call", "contacts": ["%s"]}],
                 "routes": [{"name": "x", "tiers": ["nobody"], "channels": ["email"]}]}""".formatted(contact)), 400,
                "invalid-request");
        assertProblem(send("PUT", "/api/v1/projects/" + projectId + "/alerts/policy", token, """
                {"tiers": [{"name": "on-call", "contacts": ["%s"]}],
                 "routes": [{"name": "x", "tiers": ["on-call"], "channels": ["fax"]}]}""".formatted(contact)), 400,
                "invalid-request");
        assertThat(count("select count(*) from alert_policy where project_id = ?", projectId)).isZero();

        putPolicy(projectId, token, """
                {"tiers": [{"name": "on-call", "contacts": ["%s"]}],
                 "routes": [{"name": "attacks", "severities": ["extreme"],
                             "matchers": [{"field": "attack", "op": "!=", "value": ""}],
                             "tiers": ["on-call"], "channels": ["email"]}],
                 "channelMinSeverity": {"email": "medium"},
                 "quietHours": {"start": "22:00", "end": "07:00", "zone": "Europe/Berlin"}}""".formatted(contact));
        assertThat(json(send("GET", "/api/v1/projects/" + projectId + "/alerts/policy", token, null))
                .get("routes").get(0).get("name").asString()).isEqualTo("attacks");
        assertProblem(send("DELETE", "/api/v1/projects/" + projectId + "/alerts/contacts/" + contact, token, null), 409,
                "in-use");
    }
}
