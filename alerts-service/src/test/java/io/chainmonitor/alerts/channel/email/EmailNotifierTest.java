package io.chainmonitor.alerts.channel.email;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

import io.chainmonitor.alerts.AlertsProperties;
import io.chainmonitor.alerts.dispatch.AlertMessage;
import io.chainmonitor.alerts.dispatch.DeliveryResult;
import io.chainmonitor.alerts.dispatch.FailureReason;
import io.chainmonitor.alerts.dispatch.Recipient;
import io.chainmonitor.events.ChainRef;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.alert.AlertNotification;
import io.chainmonitor.events.finding.Finding;

import static org.assertj.core.api.Assertions.assertThat;

class EmailNotifierTest {

    static AlertMessage message() {
        Finding finding = new Finding("fp", "pow.51-percent", "51-percent", Finding.Status.FIRING,
                "Reorg <script>", "6 blocks & more", new ChainRef("litecoin", 1212L, "abc"), "r-2",
                new Finding.Evidence("chain.reorg.depth", 6.0, 3.0, "12 blocks", List.of("share > 0.5")), Map.of(),
                List.of("inform-exchanges"), Instant.parse("2026-11-22T03:15:00Z"), null);
        return new AlertMessage("n-1", "p-1", "ltc main", "all/extreme", AlertNotification.Kind.FIRING,
                Severity.EXTREME, "on-call", List.of(finding), URI.create("https://m.example.com/i"),
                URI.create("https://m.example.com/r"), URI.create("https://a.example.com/ack/x.y"),
                Instant.parse("2026-11-22T03:15:01Z"));
    }

    @Test
    void withoutAnSmtpServerEveryAttemptIsAPermanentNotConfiguredFailure() {
        EmailNotifier notifier = new EmailNotifier(new DefaultListableBeanFactory().getBeanProvider(
                JavaMailSender.class),
                new AlertsProperties(null, URI.create("http://localhost:8080"),
                        URI.create("http://localhost:8086"), Duration.ofSeconds(1), Duration.ofDays(7),
                        new AlertsProperties.Outbound(List.of(), Duration.ofSeconds(5), Duration.ofSeconds(10)),
                        new AlertsProperties.Delivery(5, Duration.ofSeconds(2), 2.0, Duration.ofMinutes(5), 0.2, 50),
                        new AlertsProperties.Email("chain-monitor@localhost"),
                        new AlertsProperties.PagerDuty(URI.create("https://events.pagerduty.com/v2/enqueue")),
                        new AlertsProperties.Telegram(URI.create("https://api.telegram.org"), null), "operator"));

        DeliveryResult result = notifier.send(message(), new Recipient(UUID.randomUUID(), "ops", "ops@example.com",
                null, null, null, null, null));

        assertThat(result).isEqualTo(new DeliveryResult.PermanentFailure(FailureReason.NOT_CONFIGURED,
                "SMTP not configured: set spring.mail.host"));
    }

    @Test
    void theHtmlPartEscapesFindingTextAndTheTextPartKeepsIt() {
        EmailTemplates templates = new EmailTemplates();
        assertThat(templates.html(message())).contains("Reorg &lt;script&gt;").contains("6 blocks &amp; more")
                .doesNotContain("<script>").contains("<a href=\"https://a.example.com/ack/x.y\">Acknowledge</a>");
        assertThat(templates.text(message())).contains("== Reorg <script> (firing)").contains("6 blocks & more")
                .contains("Evidence: chain.reorg.depth = 6 (threshold 3) over 12 blocks")
                .contains("Acknowledge: https://a.example.com/ack/x.y");
    }
}
