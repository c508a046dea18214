package io.chainmonitor.alerts.channel.slack;

import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.chainmonitor.alerts.channel.HttpDelivery;
import io.chainmonitor.alerts.channel.MessageJson;
import io.chainmonitor.alerts.dispatch.AlertMessage;
import io.chainmonitor.alerts.dispatch.Channel;
import io.chainmonitor.alerts.dispatch.DeliveryResult;
import io.chainmonitor.alerts.dispatch.FailureReason;
import io.chainmonitor.alerts.dispatch.Notifier;
import io.chainmonitor.alerts.dispatch.Recipient;
import io.chainmonitor.events.finding.Finding;

/** Slack incoming webhooks, with a Block Kit message: a header, one section per finding, links and an ack button. */
@Component
class SlackNotifier implements Notifier {

    private static final int HEADER_LIMIT = 150;

    private final HttpDelivery http;
    private final MessageJson json;

    SlackNotifier(HttpDelivery http, MessageJson json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public Channel channel() {
        return Channel.SLACK;
    }

    @Override
    public DeliveryResult send(AlertMessage message, Recipient recipient) {
        if (recipient.slackWebhook() == null) {
            return new DeliveryResult.PermanentFailure(FailureReason.NO_ADDRESS,
                    "contact " + recipient.name() + " has no Slack webhook");
        }
        return http.post(recipient.slackWebhook(), Map.of("User-Agent", "ChainMonitor-Alerts/1"),
                json.write(blocks(message)));
    }

    ObjectNode blocks(AlertMessage message) {
        ObjectNode root = json.mapper().createObjectNode();
        root.put("text", message.subject());
        ArrayNode blocks = root.putArray("blocks");
        ObjectNode header = blocks.addObject();
        header.put("type", "header");
        String subject = message.subject();
        text(header, "plain_text",
                subject.length() > HEADER_LIMIT ? subject.substring(0, HEADER_LIMIT - 1) + "…" : subject);
        for (Finding finding : message.findings()) {
            ObjectNode section = blocks.addObject();
            section.put("type", "section");
            StringBuilder text = new StringBuilder();
            text.append('*').append(escape(finding.title())).append("*");
            if (finding.status() == Finding.Status.RESOLVED) {
                text.append(" (resolved)");
            }
            text.append('\n').append(escape(finding.summary()));
            text.append("\n• Chain: ").append(escape(AlertMessage.chainLine(finding)));
            String evidence = AlertMessage.evidenceLine(finding);
            if (evidence != null) {
                text.append("\n• Evidence: ").append(escape(evidence));
            }
            if (finding.evidence() != null) {
                for (String signal : finding.evidence().signals()) {
                    text.append("\n• Signal: ").append(escape(signal));
                }
            }
            if (!finding.recommendedActions().isEmpty()) {
                text.append("\n• Recommended: ").append(escape(String.join(", ", finding.recommendedActions())));
            }
            text(section, "mrkdwn", text.toString());
        }
        ObjectNode context = blocks.addObject();
        context.put("type", "context");
        ObjectNode element = context.putArray("elements").addObject();
        element.put("type", "mrkdwn");
        element.put("text", escape("Project " + message.projectName() + " · severity " + message.severity().label()
                + " · tier " + message.tier()));
        ObjectNode actions = blocks.addObject();
        actions.put("type", "actions");
        ArrayNode buttons = actions.putArray("elements");
        button(buttons, "Open incident", message.incidentUrl().toString(), null);
        button(buttons, "Report", message.reportUrl().toString(), null);
        if (message.ackUrl() != null) {
            button(buttons, "Acknowledge", message.ackUrl().toString(), "primary");
        }
        return root;
    }

    private static void text(ObjectNode node, String type, String text) {
        ObjectNode content = node.putObject("text");
        content.put("type", type);
        content.put("text", text);
    }

    private static void button(ArrayNode buttons, String label, String url, String style) {
        ObjectNode button = buttons.addObject();
        button.put("type", "button");
        ObjectNode text = button.putObject("text");
        text.put("type", "plain_text");
        text.put("text", label);
        button.put("url", url);
        if (style != null) {
            button.put("style", style);
        }
    }

    /** Slack's mrkdwn control characters. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
