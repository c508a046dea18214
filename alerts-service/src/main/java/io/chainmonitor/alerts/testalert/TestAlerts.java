package io.chainmonitor.alerts.testalert;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.chainmonitor.alerts.AlertsException;
import io.chainmonitor.alerts.AlertsProperties;
import io.chainmonitor.alerts.audit.AuditTrail;
import io.chainmonitor.alerts.config.ProjectDirectory;
import io.chainmonitor.alerts.dispatch.AlertMessage;
import io.chainmonitor.alerts.dispatch.Channel;
import io.chainmonitor.alerts.dispatch.DeliveryResult;
import io.chainmonitor.alerts.dispatch.Notifier;
import io.chainmonitor.alerts.dispatch.Recipient;
import io.chainmonitor.alerts.dispatch.Recipients;
import io.chainmonitor.events.ChainRef;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.alert.AlertNotification;
import io.chainmonitor.events.finding.Finding;

/**
 * "Send test alert": one message, marked as a test, over one channel to one contact, sent at once and answered with
 * what the receiver said — so a contact's address is checked before a real alert depends on it. A test is no alert: it
 * is not grouped, repeated, escalated nor listed in the notification log; it is audited. A PagerDuty test is resolved
 * right after it is triggered, so it leaves no open incident. At most one test per contact and channel every
 * {@link #MIN_INTERVAL}, so the button cannot be used to flood an address.
 */
@Component
public class TestAlerts {

    static final Duration MIN_INTERVAL = Duration.ofSeconds(10);

    private final ProjectDirectory projects;
    private final Recipients recipients;
    private final Map<Channel, Notifier> notifiers = new EnumMap<>(Channel.class);
    private final AuditTrail audit;
    private final AlertsProperties properties;
    private final Clock clock;
    private final Map<String, Instant> lastSent = new ConcurrentHashMap<>();

    TestAlerts(ProjectDirectory projects, Recipients recipients, List<Notifier> notifiers, AuditTrail audit,
            AlertsProperties properties, Clock clock) {
        this.projects = projects;
        this.recipients = recipients;
        notifiers.forEach(notifier -> this.notifiers.put(notifier.channel(), notifier));
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** What the test came to. */
    public record Outcome(String channel, String contact, boolean delivered, boolean retryable, String reason,
            String detail) {
    }

    @Transactional
    public Outcome send(String projectId, UUID contactId, Channel channel, String user) {
        Recipient recipient = recipients.find(projectId, contactId).orElseThrow(
                () -> new AlertsException(AlertsException.Reason.NOT_FOUND, "no contact " + contactId));
        if (!configured(recipient, channel)) {
            throw new AlertsException(AlertsException.Reason.CHANNEL_NOT_SET,
                    "contact '" + recipient.name() + "' has no " + channel.wireName() + " address");
        }
        Instant now = clock.instant();
        String key = projectId + "/" + contactId + "/" + channel;
        Instant previous = lastSent.get(key);
        if (previous != null && previous.plus(MIN_INTERVAL).isAfter(now)) {
            throw new AlertsException(AlertsException.Reason.TOO_MANY_TESTS, "a test went to this contact over "
                    + channel.wireName() + " less than " + MIN_INTERVAL.toSeconds() + " s ago");
        }
        lastSent.put(key, now);
        Notifier notifier = notifiers.get(channel);
        String projectName = projects.nameOf(projectId);
        String fingerprint = "test-" + UUID.randomUUID();
        DeliveryResult result = notifier.send(message(projectId, projectName, fingerprint, user, channel, now,
                AlertNotification.Kind.FIRING, Finding.Status.FIRING), recipient);
        if (channel == Channel.PAGERDUTY && result instanceof DeliveryResult.Delivered) {
            notifier.send(message(projectId, projectName, fingerprint, user, channel, now,
                    AlertNotification.Kind.RESOLVED, Finding.Status.RESOLVED), recipient);
        }
        Outcome outcome = outcome(channel, recipient, result);
        audit.record(projectId, user, "alerts.test-sent", "contact", contactId.toString(),
                Map.of("channel", channel.wireName(), "delivered", Boolean.toString(outcome.delivered())));
        return outcome;
    }

    private AlertMessage message(String projectId, String projectName, String fingerprint, String user,
            Channel channel, Instant now, AlertNotification.Kind kind, Finding.Status status) {
        Finding finding = new Finding(fingerprint, "test", null, status, "Test alert",
                "A test of the " + channel.wireName() + " channel of project " + projectName + ", sent by " + user
                        + ". Nothing is wrong.",
                new ChainRef("test", null, null), null, null, Map.of("test", "true"), List.of(), now,
                status == Finding.Status.RESOLVED ? now : null);
        URI dashboard = properties.dashboardUrl();
        return new AlertMessage(UUID.randomUUID().toString(), projectId, projectName, "test/" + fingerprint, kind,
                Severity.LOW, "test", List.of(finding), dashboard.resolve("/projects/" + projectId + "/incidents"),
                dashboard.resolve("/projects/" + projectId + "/reports"), null, now);
    }

    private static boolean configured(Recipient recipient, Channel channel) {
        return switch (channel) {
            case EMAIL -> recipient.email() != null;
            case SLACK -> recipient.slackWebhook() != null;
            case WEBHOOK -> recipient.webhookUrl() != null;
            case PAGERDUTY -> recipient.pagerdutyRoutingKey() != null;
            case TELEGRAM -> recipient.telegramChatId() != null;
        };
    }

    private static Outcome outcome(Channel channel, Recipient recipient, DeliveryResult result) {
        return switch (result) {
            case DeliveryResult.Delivered delivered -> new Outcome(channel.wireName(), recipient.name(), true, false,
                    null, delivered.detail());
            case DeliveryResult.RetryableFailure failure -> new Outcome(channel.wireName(), recipient.name(), false,
                    true, failure.reason().name().toLowerCase(java.util.Locale.ROOT), failure.detail());
            case DeliveryResult.PermanentFailure failure -> new Outcome(channel.wireName(), recipient.name(), false,
                    false, failure.reason().name().toLowerCase(java.util.Locale.ROOT), failure.detail());
        };
    }
}
