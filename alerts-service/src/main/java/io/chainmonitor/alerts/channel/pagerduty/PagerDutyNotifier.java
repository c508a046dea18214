package io.chainmonitor.alerts.channel.pagerduty;

import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import io.chainmonitor.alerts.AlertsProperties;
import io.chainmonitor.alerts.channel.HttpDelivery;
import io.chainmonitor.alerts.channel.MessageJson;
import io.chainmonitor.alerts.dispatch.AlertMessage;
import io.chainmonitor.alerts.dispatch.Channel;
import io.chainmonitor.alerts.dispatch.DeliveryResult;
import io.chainmonitor.alerts.dispatch.FailureReason;
import io.chainmonitor.alerts.dispatch.Notifier;
import io.chainmonitor.alerts.dispatch.Recipient;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;

/**
 * PagerDuty Events API v2: one event per finding, its fingerprint as the dedup key, so that PagerDuty folds repeats
 * into one incident and a resolved finding resolves it.
 */
@Component
class PagerDutyNotifier implements Notifier {

    private static final int SUMMARY_LIMIT = 1024;

    private final HttpDelivery http;
    private final MessageJson json;
    private final AlertsProperties properties;

    PagerDutyNotifier(HttpDelivery http, MessageJson json, AlertsProperties properties) {
        this.http = http;
        this.json = json;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.PAGERDUTY;
    }

    @Override
    public DeliveryResult send(AlertMessage message, Recipient recipient) {
        if (recipient.pagerdutyRoutingKey() == null) {
            return new DeliveryResult.PermanentFailure(FailureReason.NO_ADDRESS,
                    "contact " + recipient.name() + " has no PagerDuty routing key");
        }
        DeliveryResult last = null;
        for (Finding finding : message.findings()) {
            last = http.post(properties.pagerduty().eventsUrl(), Map.of("User-Agent", "ChainMonitor-Alerts/1"),
                    json.write(event(message, finding, recipient.pagerdutyRoutingKey())));
            if (!(last instanceof DeliveryResult.Delivered)) {
                return last; // a retry sends them all again; the dedup key makes that harmless
            }
        }
        return last;
    }

    ObjectNode event(AlertMessage message, Finding finding, String routingKey) {
        ObjectNode event = json.mapper().createObjectNode();
        event.put("routing_key", routingKey);
        boolean resolved = finding.status() == Finding.Status.RESOLVED;
        event.put("event_action", resolved ? "resolve" : "trigger");
        event.put("dedup_key", finding.fingerprint());
        if (resolved) {
            return event;
        }
        ObjectNode payload = event.putObject("payload");
        String summary = "[" + message.severity().label() + "] " + finding.title() + " — " + message.projectName();
        payload.put("summary", summary.length() > SUMMARY_LIMIT ? summary.substring(0, SUMMARY_LIMIT) : summary);
        payload.put("source", message.projectName()
                + (finding.replicaId() == null ? "" : "/" + finding.replicaId()));
        payload.put("severity", severity(message.severity()));
        payload.put("timestamp", finding.startsAt().toString());
        payload.put("component", finding.chain().type());
        payload.put("group", message.projectName());
        payload.put("class", finding.attack() != null ? finding.attack() : finding.ruleId());
        ObjectNode details = payload.putObject("custom_details");
        details.put("summary", finding.summary());
        details.put("chain", AlertMessage.chainLine(finding));
        String evidence = AlertMessage.evidenceLine(finding);
        if (evidence != null) {
            details.put("evidence", evidence);
        }
        if (finding.evidence() != null && !finding.evidence().signals().isEmpty()) {
            finding.evidence().signals().forEach(details.withArray("signals")::add);
        }
        finding.recommendedActions().forEach(details.withArray("recommended_actions")::add);
        details.put("rule", finding.ruleId());
        details.put("tier", message.tier());
        event.putArray("links").addObject().put("href", message.incidentUrl().toString()).put("text", "Incident");
        event.withArray("links").addObject().put("href", message.reportUrl().toString()).put("text", "Report");
        event.put("client", "Chain Monitor");
        event.put("client_url", message.incidentUrl().toString());
        return event;
    }

    static String severity(Severity severity) {
        return switch (severity) {
            case EXTREME -> "critical";
            case HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW -> "info";
        };
    }
}
