package io.chainmonitor.alerts.channel;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.chainmonitor.alerts.dispatch.AlertMessage;
import io.chainmonitor.events.finding.Finding;

/** The channel-neutral JSON of a message, as the generic webhook sends it: version 1 of that format. */
public final class MessageJson {

    private final JsonMapper json;

    public MessageJson(JsonMapper json) {
        this.json = json;
    }

    public ObjectNode of(AlertMessage message) {
        ObjectNode root = json.createObjectNode();
        root.put("version", "1");
        root.put("notificationId", message.notificationId());
        root.put("kind", message.kind().name().toLowerCase(java.util.Locale.ROOT));
        root.put("projectId", message.projectId());
        root.put("projectName", message.projectName());
        root.put("groupKey", message.groupKey());
        root.put("severity", message.severity().wireName());
        root.put("tier", message.tier());
        root.put("subject", message.subject());
        ArrayNode alerts = root.putArray("alerts");
        for (Finding finding : message.findings()) {
            ObjectNode alert = json.valueToTree(finding);
            alert.put("status", finding.status().name().toLowerCase(java.util.Locale.ROOT));
            alerts.add(alert);
        }
        ObjectNode links = root.putObject("links");
        links.put("incident", message.incidentUrl().toString());
        links.put("report", message.reportUrl().toString());
        if (message.ackUrl() != null) {
            links.put("acknowledge", message.ackUrl().toString());
        }
        root.put("at", message.at().toString());
        return root;
    }

    public String write(ObjectNode node) {
        return json.writeValueAsString(node);
    }

    public JsonMapper mapper() {
        return json;
    }
}
