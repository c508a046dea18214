package io.chainmonitor.alerts.config;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A contact as the API shows it: secret addresses only say whether they are configured. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ContactView(UUID id, String name, String email, Configured slackWebhook, Configured webhook,
        Configured pagerduty, String telegramChatId, Instant createdAt, Instant updatedAt) {

    /** Whether a secret is stored; its value never leaves the service. */
    record Configured(boolean configured) {

        static Configured of(byte[] secret) {
            return new Configured(secret != null);
        }
    }
}
