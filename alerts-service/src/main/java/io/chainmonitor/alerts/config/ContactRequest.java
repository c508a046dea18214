package io.chainmonitor.alerts.config;

/**
 * A contact as the API takes it. On update, a secret member left out (null) keeps the stored value and an empty
 * string removes it; every other member is replaced.
 *
 * @param webhook the generic webhook's URL and signing secret
 */
record ContactRequest(String name, String email, String slackWebhook, Webhook webhook, String pagerdutyRoutingKey,
        String telegramChatId) {

    /** @param secret the key the signature is made with; at least 16 characters */
    record Webhook(String url, String secret) {
    }
}
