package io.chainmonitor.alerts.config;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.chainmonitor.alerts.AlertsIT;
import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's own findings (a silent service from the dead man's switch, project {@code platform}) reach the
 * contacts the platform operator configured, through the same API as any project's; nobody else may see or change
 * that configuration.
 */
class PlatformAlertsIT extends AlertsIT {

    private static final String PLATFORM = Envelope.PLATFORM_PROJECT_ID;

    @Test
    void theOperatorRoutesThePlatformsFindingsAndTheyAreDelivered() {
        String operator = user("operator");
        String path = "/platform-hook/" + UUID.randomUUID();
        String contact = createContact(PLATFORM, operator, """
                {"name": "platform on-call %s", "slackWebhook": "%s"}""".formatted(UUID.randomUUID(),
                RECEIVER.url(path)));
        putPolicy(PLATFORM, operator, """
                {"tiers": [{"name": "platform", "contacts": ["%s"]}],
                 "routes": [{"name": "all", "tiers": ["platform"], "channels": ["slack"]}]}
                """.formatted(contact));

        fire(PLATFORM, Severity.EXTREME, finding("fp-silent-" + UUID.randomUUID(), "platform.service-silent", null,
                Finding.Status.FIRING, "heartbeat.age", List.of()));
        tick();

        assertThat(RECEIVER.requests()).filteredOn(request -> request.path().equals(path)).singleElement()
                .satisfies(request -> assertThat(request.body()).contains("Chain Monitor platform"));
    }

    @Test
    void anyoneButTheOperatorIsToldThePlatformProjectDoesNotExist() {
        assertProblem(send("GET", "/api/v1/projects/platform/alerts/contacts", user("someone-" + UUID.randomUUID()),
                null), 404, "not-found");
        assertProblem(send("PUT", "/api/v1/projects/platform/alerts/policy", user("mallory"), """
                {"tiers": [{"name": "x", "contacts": []}]}"""), 404, "not-found");
    }
}
