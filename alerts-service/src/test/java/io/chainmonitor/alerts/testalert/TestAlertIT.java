package io.chainmonitor.alerts.testalert;

import java.util.Arrays;
import java.util.UUID;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.chainmonitor.alerts.AlertsIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Send test alert": one message per channel to one contact, answered with what the receiver said, throttled, and kept
 * out of the alerting itself (no notification log entry).
 */
class TestAlertIT extends AlertsIT {

    private final String owner = "owner-" + UUID.randomUUID();
    private final String token = user(owner);

    private static String test(String projectId, String contactId) {
        return "/api/v1/projects/" + projectId + "/alerts/contacts/" + contactId + "/test";
    }

    @Test
    void aSlackTestReachesTheReceiverAndSaysItWasDelivered() {
        String projectId = project(owner, "ltc main");
        String path = "/slack/" + UUID.randomUUID();
        String contact = createContact(projectId, token, """
                {"name": "ops", "slackWebhook": "%s"}""".formatted(RECEIVER.url(path)));

        JsonNode outcome = json(send("POST", test(projectId, contact), token, "{\"channel\": \"slack\"}"));

        assertThat(outcome.get("delivered").asBoolean()).isTrue();
        assertThat(outcome.get("channel").asString()).isEqualTo("slack");
        assertThat(RECEIVER.requests()).filteredOn(request -> request.path().equals(path)).singleElement()
                .satisfies(request -> assertThat(request.body()).contains("Test alert", "Nothing is wrong",
                        "ltc main", owner));
        assertThat(count("select count(*) from delivery where project_id = ?", projectId))
                .as("a test is not a notification").isZero();
        // Straight away again: refused, so the button cannot flood an address.
        assertProblem(send("POST", test(projectId, contact), token, "{\"channel\": \"slack\"}"), 429,
                "too-many-tests");
    }

    @Test
    void aFailingReceiverIsReportedWithItsReasonAndAnEmailTestArrives() throws Exception {
        String projectId = project(owner, "ltc test");
        String path = "/hook/" + UUID.randomUUID();
        String email = "ops-" + UUID.randomUUID() + "@example.com";
        String contact = createContact(projectId, token, """
                {"name": "ops", "email": "%s", "webhook": {"url": "%s", "secret": "whsec-0123456789abcdef"}}"""
                .formatted(email, RECEIVER.url(path)));
        RECEIVER.answer(503);

        JsonNode webhook = json(send("POST", test(projectId, contact), token, "{\"channel\": \"webhook\"}"));
        JsonNode mail = json(send("POST", test(projectId, contact), token, "{\"channel\": \"email\"}"));

        assertThat(webhook.get("delivered").asBoolean()).isFalse();
        assertThat(webhook.get("retryable").asBoolean()).isTrue();
        assertThat(webhook.get("detail").asString()).contains("503");
        assertThat(mail.get("delivered").asBoolean()).isTrue();
        MimeMessage received = Arrays.stream(SMTP.getReceivedMessages()).filter(message -> {
            try {
                return message.getAllRecipients()[0].toString().equals(email);
            } catch (MessagingException e) {
                return false;
            }
        }).findFirst().orElseThrow();
        assertThat(received.getSubject()).contains("Test alert", "ltc test");
    }

    @Test
    void aChannelTheContactLacksAnUnknownChannelAndAnotherUsersProjectAreRefused() {
        String projectId = project(owner, "ltc refusals");
        String contact = createContact(projectId, token, """
                {"name": "mail only", "email": "ops@example.com"}""");

        assertProblem(send("POST", test(projectId, contact), token, "{\"channel\": \"slack\"}"), 422,
                "channel-not-set");
        assertProblem(send("POST", test(projectId, contact), token, "{\"channel\": \"fax\"}"), 400,
                "invalid-request");
        assertProblem(send("POST", test(projectId, contact), user("mallory"), "{\"channel\": \"email\"}"), 404,
                "not-found");
        assertProblem(send("POST", test(projectId, UUID.randomUUID().toString()), token,
                "{\"channel\": \"email\"}"), 404, "not-found");
    }
}
