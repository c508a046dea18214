package io.chainmonitor.alerts.dispatch;

import java.net.URI;
import java.util.UUID;

/**
 * A contact with its addresses decrypted, for the moment of sending; never logged, never stored like this.
 *
 * @param webhookSecret the key of the webhook signature
 */
public record Recipient(UUID contactId, String name, String email, URI slackWebhook, URI webhookUrl,
        String webhookSecret, String pagerdutyRoutingKey, String telegramChatId) {

    @Override
    public String toString() {
        return "Recipient[" + name + "]";
    }
}
