package io.chainmonitor.alerts.channel.telegram;

import java.net.URI;
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
import io.chainmonitor.events.finding.Finding;

/** The Telegram Bot API's {@code sendMessage}, as HTML, to the contact's chat with the platform's bot. */
@Component
class TelegramNotifier implements Notifier {

    private static final int TEXT_LIMIT = 4096;

    private final HttpDelivery http;
    private final MessageJson json;
    private final AlertsProperties.Telegram settings;

    TelegramNotifier(HttpDelivery http, MessageJson json, AlertsProperties properties) {
        this.http = http;
        this.json = json;
        this.settings = properties.telegram();
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public DeliveryResult send(AlertMessage message, Recipient recipient) {
        if (settings.botToken() == null || settings.botToken().isBlank()) {
            return new DeliveryResult.PermanentFailure(FailureReason.NOT_CONFIGURED,
                    "Telegram not configured: chain-monitor.alerts.telegram.bot-token is not set");
        }
        if (recipient.telegramChatId() == null) {
            return new DeliveryResult.PermanentFailure(FailureReason.NO_ADDRESS,
                    "contact " + recipient.name() + " has no Telegram chat");
        }
        String base = settings.apiUrl().toString().replaceAll("/+$", "");
        URI url = URI.create(base + "/bot" + settings.botToken() + "/sendMessage");
        ObjectNode body = json.mapper().createObjectNode();
        body.put("chat_id", recipient.telegramChatId());
        body.put("text", text(message));
        body.put("parse_mode", "HTML");
        body.put("disable_web_page_preview", true);
        return http.post(url, Map.of("User-Agent", "ChainMonitor-Alerts/1"), json.write(body));
    }

    static String text(AlertMessage message) {
        StringBuilder text = new StringBuilder("<b>").append(escape(message.subject())).append("</b>\n");
        for (Finding finding : message.findings()) {
            text.append("\n<b>").append(escape(finding.title())).append("</b>");
            if (finding.status() == Finding.Status.RESOLVED) {
                text.append(" (resolved)");
            }
            text.append('\n').append(escape(finding.summary()));
            text.append("\nChain: ").append(escape(AlertMessage.chainLine(finding)));
            String evidence = AlertMessage.evidenceLine(finding);
            if (evidence != null) {
                text.append("\nEvidence: ").append(escape(evidence));
            }
            if (!finding.recommendedActions().isEmpty()) {
                text.append("\nRecommended: ").append(escape(String.join(", ", finding.recommendedActions())));
            }
            text.append('\n');
        }
        text.append("\n<a href=\"").append(escape(message.incidentUrl().toString())).append("\">Incident</a> · ");
        text.append("<a href=\"").append(escape(message.reportUrl().toString())).append("\">Report</a>");
        if (message.ackUrl() != null) {
            text.append(" · <a href=\"").append(escape(message.ackUrl().toString())).append("\">Acknowledge</a>");
        }
        return text.length() > TEXT_LIMIT ? text.substring(0, TEXT_LIMIT - 1) + "…" : text.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
