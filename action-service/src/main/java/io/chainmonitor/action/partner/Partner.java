package io.chainmonitor.action.partner;

import java.util.UUID;

/** A partner a project informs, secret included: only the executor reads it, the API never answers it. */
public record Partner(UUID id, String projectId, String name, String webhookUrl, String webhookSecret, String email) {

    /** The partner as the API answers it: whether a secret is set, never the secret. */
    PartnerView view() {
        return new PartnerView(id, name, webhookUrl, webhookSecret != null, email);
    }

    /** A partner without its secret. */
    public record PartnerView(UUID id, String name, String webhookUrl, boolean webhookSecretConfigured,
            String email) {
    }
}
