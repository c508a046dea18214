package io.chainmonitor.action.inform;

import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.support.webhook.WebhookSignature;

/** An advisory as sent: its JSON body and the headers that sign it with the partner's secret. */
public record SignedAdvisory(String body, Map<String, String> headers) {

    /** Serialises {@code advisory} and signs {@code "<timestamp>.<body>"} like the alerts webhooks do. */
    public static SignedAdvisory sign(JsonMapper json, Advisory advisory, String secret, long timestampSeconds) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a partner webhook needs a signing secret");
        }
        String body = json.writeValueAsString(advisory);
        return new SignedAdvisory(body,
                Map.of("Content-Type", "application/json", WebhookSignature.TIMESTAMP_HEADER,
                        Long.toString(timestampSeconds), WebhookSignature.SIGNATURE_HEADER,
                        WebhookSignature.sign(secret, timestampSeconds, body)));
    }
}
