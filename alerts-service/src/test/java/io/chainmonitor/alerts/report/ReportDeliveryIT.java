package io.chainmonitor.alerts.report;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.Test;

import io.chainmonitor.alerts.AlertsIT;
import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.alert.AlertNotification;
import io.chainmonitor.events.report.ReportReady;
import io.chainmonitor.support.kafka.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Scheduled reports from cm.reports.v1 mailed to the tiers the policy names, through GreenMail. */
class ReportDeliveryIT extends AlertsIT {

    private final String owner = "owner-" + UUID.randomUUID();
    private final String token = user(owner);

    @Test
    void aReportReadyIsMailedOnceToTheContactsOfTheReportTierEvenWhenDeliveredTwice() throws Exception {
        String projectId = project(owner, "ltc main");
        String alice = createContact(projectId, token,
                "{\"name\": \"alice\", \"email\": \"alice-" + projectId + "@example.com\"}");
        String bob = createContact(projectId, token,
                "{\"name\": \"bob\", \"email\": \"bob-" + projectId + "@example.com\"}");
        String carol = createContact(projectId, token,
                "{\"name\": \"carol\", \"email\": \"carol-" + projectId + "@example.com\"}");
        String policy = """
                {"tiers": [{"name": "on-call", "contacts": ["%s"]}, {"name": "management", "contacts": ["%s", "%s"]}],
                 "reportRecipients": [%s]}""";
        assertProblem(send("PUT", "/api/v1/projects/" + projectId + "/alerts/policy", token,
                policy.formatted(alice, bob, carol, "\"board\"")), 400, "invalid-request");
        putPolicy(projectId, token, policy.formatted(alice, bob, carol, "\"management\""));

        Envelope<ReportReady> ready = report(projectId);
        publisher.publish(ready).join();
        publisher.publish(ready).join(); // a redelivery, as the reporter's outbox may make
        Envelope<ReportReady> later = report(projectId); // same key, same partition: taken after the duplicate
        publisher.publish(later).join();
        await().until(() -> count("select count(*) from processed_event where event_id = ?", later.uuid()) == 1);
        tick();

        String reportId = ready.data().reportId();
        // The later report goes to the same people; the one under test is told apart by its link.
        List<MimeMessage> ofReport = received(projectId).stream().filter(mail -> text(mail).contains(reportId))
                .toList();
        assertThat(received(projectId)).hasSize(4);
        assertThat(ofReport).flatMap(mail -> List.of(mail.getRecipients(Message.RecipientType.TO)))
                .map(Object::toString)
                .containsExactlyInAnyOrder("bob-" + projectId + "@example.com", "carol-" + projectId + "@example.com");
        MimeMessage mail = ofReport.getFirst();
        assertThat(mail.getSubject()).isEqualTo("[REPORT] Project summary — ltc main, 2026-11-21");
        MimeMultipart alternative = alternative(mail);
        String text = (String) alternative.getBodyPart(0).getContent();
        String html = (String) alternative.getBodyPart(1).getContent();
        String link = "https://monitor.example.com/projects/" + projectId + "/reports/" + reportId;
        assertThat(text).contains("Report: " + link)
                .contains("2026-11-21T00:00:00Z to 2026-11-22T00:00:00Z");
        assertThat(html).contains("<a href=\"" + link + "\">Open the report</a>");

        assertThat(count("""
                select count(*) from notification_attempt a join delivery d on d.id = a.delivery_id
                where d.group_key = ? and d.kind = 'REPORT' and a.outcome = 'sent'""", "report:" + reportId))
                .isEqualTo(2);
        await().until(() -> notifications(projectId, reportId).size() == 2);
        assertThat(notifications(projectId, reportId)).allSatisfy(notification -> {
            assertThat(notification.kind()).isEqualTo(AlertNotification.Kind.REPORT);
            assertThat(notification.channel()).isEqualTo("email");
            assertThat(notification.tier()).isEqualTo("management");
            assertThat(notification.outcome()).isEqualTo(AlertNotification.Outcome.SENT);
            assertThat(notification.fingerprints()).containsExactly("report:" + reportId);
        }).extracting(AlertNotification::recipient).containsExactlyInAnyOrder("bob", "carol");
    }

    @Test
    void withoutReportRecipientsTheFirstTierGetsTheReport() {
        String projectId = project(owner, "ltc test");
        String alice = createContact(projectId, token,
                "{\"name\": \"alice\", \"email\": \"alice-" + projectId + "@example.com\"}");
        String bob = createContact(projectId, token,
                "{\"name\": \"bob\", \"email\": \"bob-" + projectId + "@example.com\"}");
        putPolicy(projectId, token, """
                {"tiers": [{"name": "on-call", "contacts": ["%s"]}, {"name": "leads", "contacts": ["%s"]}]}"""
                .formatted(alice, bob));

        Envelope<ReportReady> ready = report(projectId);
        publisher.publish(ready).join();
        await().until(() -> count("select count(*) from processed_event where event_id = ?", ready.uuid()) == 1);
        tick();

        assertThat(received(projectId)).flatMap(mail -> List.of(mail.getRecipients(Message.RecipientType.TO)))
                .map(Object::toString).containsExactly("alice-" + projectId + "@example.com");
    }

    private static Envelope<ReportReady> report(String projectId) {
        String reportId = UUID.randomUUID().toString();
        return Envelope.of("/reporter-service", "projects/" + projectId + "/reports/" + reportId, projectId,
                Severity.LOW, new ReportReady(projectId, reportId, "project_summary", "Project summary",
                        Instant.parse("2026-11-21T00:00:00Z"), Instant.parse("2026-11-22T00:00:00Z"), "scheduled",
                        "/api/v1/projects/" + projectId + "/reports/" + reportId));
    }

    private static List<AlertNotification> notifications(String projectId, String reportId) {
        return TopicReader.eventsOf("cm.alerts.notifications.v1", projectId).stream().map(Envelope::data)
                .map(AlertNotification.class::cast)
                .filter(notification -> notification.groupKey().equals("report:" + reportId)).toList();
    }

    private static List<MimeMessage> received(String projectId) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(mail -> {
            try {
                return mail.getRecipients(Message.RecipientType.TO)[0].toString().contains(projectId);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String text(MimeMessage mail) {
        try {
            return (String) alternative(mail).getBodyPart(0).getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The multipart/alternative inside the wrappers Spring's helper puts around it. */
    private static MimeMultipart alternative(MimeMessage mail) throws Exception {
        MimeMultipart part = (MimeMultipart) mail.getContent();
        while (!part.getContentType().startsWith("multipart/alternative")
                && part.getBodyPart(0).getContent() instanceof MimeMultipart nested) {
            part = nested;
        }
        return part;
    }
}
