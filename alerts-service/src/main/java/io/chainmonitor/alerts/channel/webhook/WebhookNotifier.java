package io.chainmonitor.alerts.channel.webhook;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.chainmonitor.alerts.channel.HttpDelivery;
import io.chainmonitor.alerts.channel.MessageJson;
import io.chainmonitor.alerts.dispatch.AlertMessage;
import io.chainmonitor.alerts.dispatch.Channel;
import io.chainmonitor.alerts.dispatch.DeliveryResult;
import io.chainmonitor.alerts.dispatch.FailureReason;
import io.chainmonitor.alerts.dispatch.Notifier;
import io.chainmonitor.alerts.dispatch.Recipient;
import io.chainmonitor.support.webhook.WebhookSignature;

/** The generic webhook: the message's JSON, signed with the contact's secret. */
@Component
class WebhookNotifier implements Notifier {

    private final HttpDelivery http;
    private final MessageJson json;
    private final Clock clock;

    WebhookNotifier(HttpDelivery http, MessageJson json, Clock clock) {
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public DeliveryResult send(AlertMessage message, Recipient recipient) {
        if (recipient.webhookUrl() == null) {
            return new DeliveryResult.PermanentFailure(FailureReason.NO_ADDRESS,
                    "contact " + recipient.name() + " has no webhook URL");
        }
        String body = json.write(json.of(message));
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", "ChainMonitor-Alerts/1");
        headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        if (recipient.webhookSecret() != null) {
            headers.put(WebhookSignature.SIGNATURE_HEADER,
                    WebhookSignature.sign(recipient.webhookSecret(), timestamp, body));
        }
        return http.post(recipient.webhookUrl(), headers, body);
    }
}
