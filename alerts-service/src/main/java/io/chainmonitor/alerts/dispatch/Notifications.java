package io.chainmonitor.alerts.dispatch;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.chainmonitor.alerts.AlertsProperties;
import io.chainmonitor.alerts.config.Contacts;
import io.chainmonitor.alerts.config.ProjectDirectory;
import io.chainmonitor.alerts.escalation.AckLinks;
import io.chainmonitor.alerts.routing.AlertPolicy;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.Uuid7;
import io.chainmonitor.events.alert.AlertNotification;
import io.chainmonitor.events.finding.Finding;

/**
 * Turns "tell tier N of this group about these findings" into deliveries: one message per tier, one delivery per
 * contact and channel of the route that the contact has an address for and the channel's minimum severity allows.
 */
@Component
public class Notifications {

    private final DeliveryQueue queue;
    private final Contacts contacts;
    private final ProjectDirectory projects;
    private final AckLinks ackLinks;
    private final AlertsProperties properties;
    private final Clock clock;

    Notifications(DeliveryQueue queue, Contacts contacts, ProjectDirectory projects, AckLinks ackLinks,
            AlertsProperties properties, Clock clock) {
        this.queue = queue;
        this.contacts = contacts;
        this.projects = projects;
        this.ackLinks = ackLinks;
        this.properties = properties;
        this.clock = clock;
    }

    /** Queues the message for every contact of the tier at {@code tierIndex} of the route; returns the deliveries. */
    public int tell(String projectId, String groupKey, AlertPolicy policy, AlertPolicy.Route route, int tierIndex,
            AlertNotification.Kind kind, Severity severity, List<Finding> findings) {
        if (tierIndex >= route.tiers().size()) {
            return 0;
        }
        Optional<AlertPolicy.Tier> tier = policy.tier(route.tiers().get(tierIndex));
        if (tier.isEmpty()) {
            return 0;
        }
        AlertMessage message = message(projectId, groupKey, kind, severity, tier.get().name(), findings);
        int queued = 0;
        for (var contactId : tier.get().contacts()) {
            Optional<Contacts.Reachable> contact = contacts.reachable(projectId, contactId);
            if (contact.isEmpty()) {
                continue;
            }
            for (Channel channel : route.channels()) {
                if (contact.get().channels().contains(channel) && policy.carries(channel, severity)) {
                    queue.enqueue(message, channel, contactId, contact.get().name());
                    queued++;
                }
            }
        }
        return queued;
    }

    private AlertMessage message(String projectId, String groupKey, AlertNotification.Kind kind, Severity severity,
            String tier, List<Finding> findings) {
        String dashboard = properties.dashboardUrl().toString().replaceAll("/+$", "");
        String project = URLEncoder.encode(projectId, StandardCharsets.UTF_8);
        URI incident = URI.create(dashboard + "/projects/" + project + "/incidents?group="
                + URLEncoder.encode(groupKey, StandardCharsets.UTF_8) + "&fingerprint="
                + URLEncoder.encode(findings.getFirst().fingerprint(), StandardCharsets.UTF_8));
        URI report = URI.create(dashboard + "/projects/" + project + "/reports");
        URI ack = kind == AlertNotification.Kind.RESOLVED ? null : ackLinks.link(projectId, groupKey).orElse(null);
        return new AlertMessage(Uuid7.next().toString(), projectId, projects.nameOf(projectId), groupKey, kind,
                severity, tier, findings, incident, report, ack, clock.instant());
    }
}
