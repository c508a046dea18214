package io.chainmonitor.alerts.dispatch;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import io.chainmonitor.alerts.AlertsIT;
import io.chainmonitor.alerts.escalation.AckLinks;
import io.chainmonitor.alerts.support.HttpReceiver;
import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.alert.AlertNotification;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.support.kafka.test.TopicReader;
import io.chainmonitor.support.webhook.WebhookSignature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ChannelDeliveryIT extends AlertsIT {

    private static final String SECRET = "whsec-0123456789abcdef";
    private static final String ROUTING_KEY = "R0123456789abcdef0123456789abcde";

    @Autowired
    private AckLinks ackLinks;

    private final String owner = "owner-" + UUID.randomUUID();
    private final String token = user(owner);

    /** A project whose only tier has one contact, routed over {@code channel}; returns the project id. */
    private String projectTelling(String channel, String contactJson) {
        String projectId = project(owner, "ltc main");
        String contact = createContact(projectId, token, contactJson);
        putPolicy(projectId, token, """
                {"tiers": [{"name": "on-call", "contacts": ["%s"]}],
                 "routes": [{"name": "all", "tiers": ["on-call"], "channels": ["%s"]}]}
                """.formatted(contact, channel));
        return projectId;
    }

    private Finding reorg(String fingerprint) {
        return finding(fingerprint, "pow.51-percent", "51-percent", Finding.Status.FIRING, "chain.reorg.depth",
                List.of("chain.miner.share=0.857 > 0.5"));
    }

    private List<HttpReceiver.Request> requestsTo(String path) {
        return RECEIVER.requests().stream().filter(request -> request.path().equals(path)).toList();
    }

    private String notificationIdOf(String projectId) {
        return jdbc.sql("select notification_id from delivery where project_id = ?").param(projectId)
                .query(String.class).single();
    }

    @Test
    void aWebhookReceivesTheMessageJsonSignedOverTimestampAndBody() {
        String path = "/hooks/" + UUID.randomUUID();
        String projectId = projectTelling("webhook", """
                {"name": "ops hook", "webhook": {"url": "%s", "secret": "%s"}}""".formatted(RECEIVER.url(path),
                SECRET));
        Finding finding = reorg("fp-webhook-" + UUID.randomUUID());
        fire(projectId, Severity.EXTREME, finding);
        String ack = ackLinks.link(projectId, "all/extreme").orElseThrow().toString();

        tick();

        HttpReceiver.Request request = requestsTo(path).getFirst();
        assertThat(requestsTo(path)).hasSize(1);
        String timestamp = Long.toString(CLOCK.instant().getEpochSecond());
        assertThat(request.headers()).containsEntry("x-chainmonitor-timestamp", timestamp)
                .containsEntry("x-chainmonitor-signature", WebhookSignature.sign(SECRET, Long.parseLong(timestamp),
                        request.body()))
                .containsEntry("content-type", "application/json; charset=UTF-8");
        assertThat(WebhookSignature.sign(SECRET, Long.parseLong(timestamp), request.body()))
                .matches("sha256=[0-9a-f]{64}");
        assertThat(json(request.body())).isEqualTo(
                json("""
                        {"version": "1", "notificationId": "%s", "kind": "firing", "projectId": "%s",
                         "projectName": "ltc main", "groupKey": "all/extreme", "severity": "extreme", "tier": "on-call",
                         "subject": "[EXTREME] Reorg of 6 blocks on r-2 — ltc main",
                         "alerts": [{"fingerprint": "%s", "ruleId": "pow.51-percent", "attack": "51-percent",
                           "status": "firing", "title": "Reorg of 6 blocks on r-2",
                           "summary": "Replica r-2 switched to a branch that replaced 6 blocks (threshold 3).",
                           "chain": {"type": "litecoin", "height": 1212,
                                     "blockHash": "365bf63a6659b55404103017ead492d26a015b665e4a329cdbe7df00cba497dd"},
                           "replicaId": "r-2",
                           "evidence": {"metric": "chain.reorg.depth", "value": 6.0, "threshold": 3.0, "window": "12 blocks",
                                        "signals": ["chain.miner.share=0.857 > 0.5"]},
                           "labels": {"chain": "litecoin", "replica": "r-2", "rule": "pow.51-percent"},
                           "recommendedActions": ["inform-exchanges", "raise-confirmations"],
                           "startsAt": "2026-11-22T03:14:58Z"}],
                         "links": {"incident": "https://monitor.example.com/projects/%s/incidents?group=all%%2Fextreme&fingerprint=%s",
                                   "report": "https://monitor.example.com/projects/%s/reports",
                                   "acknowledge": "%s"},
                         "at": "%s"}
                        """
                        .formatted(notificationIdOf(projectId), projectId, finding.fingerprint(), projectId,
                                finding.fingerprint(), projectId, ack, CLOCK.instant())));
    }

    @Test
    void slackGetsABlockKitMessageWithContextLinksAndAnAckButton() {
        String path = "/slack/" + UUID.randomUUID();
        String projectId = projectTelling("slack", """
                {"name": "ops channel", "slackWebhook": "%s"}""".formatted(RECEIVER.url(path)));
        Finding finding = reorg("fp-slack-" + UUID.randomUUID());
        fire(projectId, Severity.EXTREME, finding);
        String ack = ackLinks.link(projectId, "all/extreme").orElseThrow().toString();

        tick();

        assertThat(requestsTo(path)).singleElement().satisfies(request -> assertThat(json(request.body()))
                .isEqualTo(
                        json("""
                                {"text": "[EXTREME] Reorg of 6 blocks on r-2 — ltc main",
                                 "blocks": [
                                  {"type": "header", "text": {"type": "plain_text",
                                   "text": "[EXTREME] Reorg of 6 blocks on r-2 — ltc main"}},
                                  {"type": "section", "text": {"type": "mrkdwn",
                                   "text": "*Reorg of 6 blocks on r-2*\\nReplica r-2 switched to a branch that replaced 6 blocks (threshold 3).\\n• Chain: litecoin, replica r-2, height 1212, block 365bf63a6659b55404103017ead492d26a015b665e4a329cdbe7df00cba497dd\\n• Evidence: chain.reorg.depth = 6 (threshold 3) over 12 blocks\\n• Signal: chain.miner.share=0.857 &gt; 0.5\\n• Recommended: inform-exchanges, raise-confirmations"}},
                                  {"type": "context", "elements": [{"type": "mrkdwn",
                                   "text": "Project ltc main · severity Extreme · tier on-call"}]},
                                  {"type": "actions", "elements": [
                                   {"type": "button", "text": {"type": "plain_text", "text": "Open incident"},
                                    "url": "https://monitor.example.com/projects/%s/incidents?group=all%%2Fextreme&fingerprint=%s"},
                                   {"type": "button", "text": {"type": "plain_text", "text": "Report"},
                                    "url": "https://monitor.example.com/projects/%s/reports"},
                                   {"type": "button", "text": {"type": "plain_text", "text": "Acknowledge"},
                                    "url": "%s", "style": "primary"}]}]}
                                """
                                .formatted(projectId, finding.fingerprint(), projectId, ack))));
    }

    @Test
    void pagerDutyGetsATriggerWithTheFingerprintAsDedupKeyAndThenAResolve() {
        String projectId = projectTelling("pagerduty", """
                {"name": "pd service", "pagerdutyRoutingKey": "%s"}""".formatted(ROUTING_KEY));
        Finding finding = reorg("fp-pd-" + UUID.randomUUID());
        fire(projectId, Severity.EXTREME, finding);

        tick();

        List<JsonNode> events = requestsTo("/pagerduty/v2/enqueue").stream().map(r -> json(r.body()))
                .filter(event -> event.get("dedup_key").asString().equals(finding.fingerprint())).toList();
        assertThat(events).singleElement().isEqualTo(
                json("""
                        {"routing_key": "%s", "event_action": "trigger", "dedup_key": "%s",
                         "payload": {"summary": "[Extreme] Reorg of 6 blocks on r-2 — ltc main", "source": "ltc main/r-2",
                           "severity": "critical", "timestamp": "2026-11-22T03:14:58Z", "component": "litecoin",
                           "group": "ltc main", "class": "51-percent",
                           "custom_details": {
                             "summary": "Replica r-2 switched to a branch that replaced 6 blocks (threshold 3).",
                             "chain": "litecoin, replica r-2, height 1212, block 365bf63a6659b55404103017ead492d26a015b665e4a329cdbe7df00cba497dd",
                             "evidence": "chain.reorg.depth = 6 (threshold 3) over 12 blocks",
                             "signals": ["chain.miner.share=0.857 > 0.5"],
                             "recommended_actions": ["inform-exchanges", "raise-confirmations"],
                             "rule": "pow.51-percent", "tier": "on-call"}},
                         "links": [{"href": "https://monitor.example.com/projects/%s/incidents?group=all%%2Fextreme&fingerprint=%s", "text": "Incident"},
                                   {"href": "https://monitor.example.com/projects/%s/reports", "text": "Report"}],
                         "client": "Chain Monitor",
                         "client_url": "https://monitor.example.com/projects/%s/incidents?group=all%%2Fextreme&fingerprint=%s"}
                        """
                        .formatted(ROUTING_KEY, finding.fingerprint(), projectId, finding.fingerprint(), projectId,
                                projectId, finding.fingerprint())));

        RECEIVER.reset();
        fire(projectId, Severity.EXTREME, finding("" + finding.fingerprint(), "pow.51-percent", "51-percent",
                Finding.Status.RESOLVED, "chain.reorg.depth", List.of()));
        CLOCK.advance(Duration.ofMinutes(1)); // resolutions go out at the group interval
        tick();

        assertThat(requestsTo("/pagerduty/v2/enqueue")).map(r -> json(r.body()))
                .filteredOn(event -> event.get("dedup_key").asString().equals(finding.fingerprint()))
                .singleElement().isEqualTo(json("""
                        {"routing_key": "%s", "event_action": "resolve", "dedup_key": "%s"}
                        """.formatted(ROUTING_KEY, finding.fingerprint())));
    }

    @Test
    void telegramGetsSendMessageForTheContactsChatInHtml() {
        String projectId = projectTelling("telegram", """
                {"name": "ops chat", "telegramChatId": "-1001234567890"}""");
        Finding finding = reorg("fp-tg-" + UUID.randomUUID());
        fire(projectId, Severity.EXTREME, finding);

        tick();

        List<JsonNode> messages = requestsTo("/telegram/bot123456:test-token/sendMessage").stream()
                .map(r -> json(r.body())).filter(m -> m.get("chat_id").asString().equals("-1001234567890"))
                .filter(m -> m.get("text").asString().contains(projectId)).toList();
        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.get("parse_mode").asString()).isEqualTo("HTML");
            assertThat(message.get("disable_web_page_preview").asBoolean()).isTrue();
            assertThat(message.get("text").asString())
                    .startsWith(
                            "<b>[EXTREME] Reorg of 6 blocks on r-2 — ltc main</b>\n\n<b>Reorg of 6 blocks on r-2</b>\n")
                    .contains("Evidence: chain.reorg.depth = 6 (threshold 3) over 12 blocks")
                    .contains("Chain: litecoin, replica r-2, height 1212, block 365bf63a")
                    .contains("Recommended: inform-exchanges, raise-confirmations")
                    .contains("\">Acknowledge</a>");
        });
    }

    @Test
    void emailGoesToEveryContactOfTheTierWithSubjectTextAndHtmlParts() throws Exception {
        String projectId = project(owner, "ltc main");
        String alice = createContact(projectId, token, """
                {"name": "alice", "email": "alice-%s@example.com"}""".formatted(projectId));
        String bob = createContact(projectId, token, """
                {"name": "bob", "email": "bob-%s@example.com"}""".formatted(projectId));
        String carol = createContact(projectId, token, """
                {"name": "carol", "email": "carol-%s@example.com"}""".formatted(projectId));
        putPolicy(projectId, token, """
                {"tiers": [{"name": "on-call", "contacts": ["%s", "%s"]}, {"name": "leads", "contacts": ["%s"]}],
                 "routes": [{"name": "all", "tiers": ["on-call", "leads"], "channels": ["email"]}]}
                """.formatted(alice, bob, carol));
        fire(projectId, Severity.EXTREME, reorg("fp-mail-" + UUID.randomUUID()));

        tick();

        await().until(() -> received(projectId).size() == 2);
        List<MimeMessage> mails = received(projectId);
        assertThat(mails).flatMap(mail -> List.of(mail.getRecipients(Message.RecipientType.TO)))
                .map(Object::toString)
                .containsExactlyInAnyOrder("alice-" + projectId + "@example.com", "bob-" + projectId + "@example.com");
        MimeMessage mail = mails.getFirst();
        assertThat(mail.getSubject()).isEqualTo("[EXTREME] Reorg of 6 blocks on r-2 — ltc main");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("alerts@monitor.example.com");
        MimeMultipart alternative = alternative(mail);
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        String text = (String) alternative.getBodyPart(0).getContent();
        String html = (String) alternative.getBodyPart(1).getContent();
        assertThat(text).contains("Evidence: chain.reorg.depth = 6 (threshold 3) over 12 blocks")
                .contains("Recommended actions: inform-exchanges, raise-confirmations")
                .contains("Incident: https://monitor.example.com/projects/" + projectId + "/incidents")
                .contains("Acknowledge: https://alerts.example.com/ack/");
        assertThat(html).contains("<h3 style=\"margin: 4px 0;\">Reorg of 6 blocks on r-2</h3>")
                .contains("chain.miner.share=0.857 &gt; 0.5")
                .contains("<a href=\"https://monitor.example.com/projects/" + projectId + "/reports\">Report</a>");
    }

    @Test
    void a500TwiceThen200IsOneDeliveryAfterThreeLoggedAndPublishedAttempts() {
        String path = "/hooks/" + UUID.randomUUID();
        String projectId = projectTelling("webhook", """
                {"name": "flaky hook", "webhook": {"url": "%s", "secret": "%s"}}""".formatted(RECEIVER.url(path),
                SECRET));
        RECEIVER.answer(500).answer(500);
        fire(projectId, Severity.EXTREME, reorg("fp-retry-" + UUID.randomUUID()));

        tick();
        assertThat(requestsTo(path)).hasSize(1);
        CLOCK.advance(Duration.ofSeconds(2)); // past the first back-off (1s ± 20%)
        ticker.tick();
        assertThat(requestsTo(path)).hasSize(2);
        CLOCK.advance(Duration.ofSeconds(3)); // past the second (2s ± 20%)
        ticker.tick();
        ticker.tick();

        assertThat(requestsTo(path)).hasSize(3);
        assertThat(requestsTo(path)).map(HttpReceiver.Request::body).containsOnly(requestsTo(path).getFirst().body());
        assertThat(jdbc.sql("select status || '/' || attempts from delivery where project_id = ?").param(projectId)
                .query(String.class).single()).isEqualTo("delivered/3");
        assertThat(jdbc.sql("""
                select a.outcome || ':' || coalesce(a.failure_reason, '-') || ':' || a.retryable
                from notification_attempt a join delivery d on d.id = a.delivery_id
                where d.project_id = ? order by a.attempt""").param(projectId).query(String.class).list())
                .containsExactly("failed:server_error:true", "failed:server_error:true", "sent:-:false");
        List<AlertNotification> published = await().until(() -> notifications(projectId), list -> list.size() == 3);
        assertThat(published).extracting(AlertNotification::attempt).containsExactly(1, 2, 3);
        assertThat(published).extracting(AlertNotification::outcome).containsExactly(AlertNotification.Outcome.FAILED,
                AlertNotification.Outcome.FAILED, AlertNotification.Outcome.SENT);
        assertThat(published.getFirst().failureReason()).isEqualTo("server_error: HTTP 500");
        assertThat(published).allSatisfy(notification -> {
            assertThat(notification.channel()).isEqualTo("webhook");
            assertThat(notification.recipient()).isEqualTo("flaky hook");
            assertThat(notification.tier()).isEqualTo("on-call");
            assertThat(notification.kind()).isEqualTo(AlertNotification.Kind.FIRING);
        });
    }

    @Test
    void a400IsAPermanentFailureThatIsNotRetried() {
        String path = "/hooks/" + UUID.randomUUID();
        String projectId = projectTelling("webhook", """
                {"name": "broken hook", "webhook": {"url": "%s", "secret": "%s"}}""".formatted(RECEIVER.url(path),
                SECRET));
        RECEIVER.answer(400, Map.of(), "{\"error\":\"unknown field\"}");
        fire(projectId, Severity.EXTREME, reorg("fp-400-" + UUID.randomUUID()));

        tick();
        CLOCK.advance(Duration.ofMinutes(10));
        tick();

        assertThat(requestsTo(path)).hasSize(1);
        assertThat(jdbc.sql("select status || '/' || attempts from delivery where project_id = ?").param(projectId)
                .query(String.class).single()).isEqualTo("failed/1");
        HttpResponse<String> log = send("GET", "/api/v1/projects/" + projectId + "/alerts/notifications?limit=10",
                token, null);
        assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
        assertThat(json(log)).singleElement().satisfies(attempt -> {
            assertThat(attempt.get("outcome").asString()).isEqualTo("failed");
            assertThat(attempt.get("failureReason").asString()).isEqualTo("rejected");
            assertThat(attempt.get("deliveryStatus").asString()).isEqualTo("failed");
            assertThat(attempt.get("recipient").asString()).isEqualTo("broken hook");
            assertThat(attempt.get("kind").asString()).isEqualTo("firing");
        });
        assertProblem(send("GET", "/api/v1/projects/" + projectId + "/alerts/notifications?limit=0", token, null),
                400, "invalid-request");
        assertThat(await().until(() -> notifications(projectId), list -> list.size() == 1)).singleElement()
                .satisfies(notification -> {
                    assertThat(notification.outcome()).isEqualTo(AlertNotification.Outcome.FAILED);
                    assertThat(notification.failureReason())
                            .isEqualTo("rejected: HTTP 400: {\"error\":\"unknown field\"}");
                });
    }

    @Test
    void aRedirectFromTheReceiverIsRefusedAndNotFollowed() {
        String path = "/hooks/" + UUID.randomUUID();
        String projectId = projectTelling("webhook", """
                {"name": "moved hook", "webhook": {"url": "%s", "secret": "%s"}}""".formatted(RECEIVER.url(path),
                SECRET));
        RECEIVER.answer(307, Map.of("Location", RECEIVER.url("/internal-admin").toString()), "");
        fire(projectId, Severity.EXTREME, reorg("fp-redirect-" + UUID.randomUUID()));

        tick();

        assertThat(requestsTo("/internal-admin")).isEmpty();
        assertThat(jdbc.sql("""
                select a.failure_reason || ' ' || a.detail from notification_attempt a
                join delivery d on d.id = a.delivery_id where d.project_id = ?""").param(projectId)
                .query(String.class).single()).isEqualTo("redirect_refused HTTP 307 redirect to "
                        + RECEIVER.url("/internal-admin") + " not followed");
    }

    private List<AlertNotification> notifications(String projectId) {
        return TopicReader.eventsOf("cm.alerts.notifications.v1", projectId).stream()
                .map(Envelope::data).map(AlertNotification.class::cast)
                .sorted(java.util.Comparator.comparingInt(AlertNotification::attempt)).toList();
    }

    private List<MimeMessage> received(String projectId) throws Exception {
        return java.util.Arrays.stream(SMTP.getReceivedMessages()).filter(mail -> {
            try {
                return mail.getRecipients(Message.RecipientType.TO)[0].toString().contains(projectId);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The multipart/alternative inside the mixed and related wrappers Spring's helper puts around it. */
    private static MimeMultipart alternative(MimeMessage mail) throws Exception {
        MimeMultipart part = (MimeMultipart) mail.getContent();
        while (!part.getContentType().startsWith("multipart/alternative")
                && part.getBodyPart(0).getContent() instanceof MimeMultipart nested) {
            part = nested;
        }
        return part;
    }
}
