package io.chainmonitor.alerts.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import io.chainmonitor.alerts.AlertsException;
import io.chainmonitor.support.net.DestinationRefusedException;
import io.chainmonitor.support.net.OutboundPolicy;

/** Validates a contact request: names, address formats, and every URL against the SSRF policy. */
@Component
class ContactCheck {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\"]+");
    private static final Pattern ROUTING_KEY = Pattern.compile("[A-Za-z0-9]{32}");
    private static final Pattern CHAT = Pattern.compile("-?\\d{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31}");

    private final OutboundPolicy outbound;

    ContactCheck(OutboundPolicy outbound) {
        this.outbound = outbound;
    }

    void check(ContactRequest request) {
        if (request == null) {
            throw new AlertsException(AlertsException.Reason.INVALID_REQUEST, "a contact is required");
        }
        if (request.name() == null || request.name().isBlank() || request.name().length() > 100) {
            throw invalid("name", "is required, at most 100 characters");
        }
        if (present(request.email()) && !EMAIL.matcher(request.email()).matches()) {
            throw invalid("email", "is not an email address");
        }
        if (present(request.slackWebhook())) {
            url("slackWebhook", request.slackWebhook());
        }
        if (request.webhook() != null && present(request.webhook().url())) {
            url("webhook.url", request.webhook().url());
        }
        if (request.webhook() != null && present(request.webhook().secret())
                && request.webhook().secret().length() < 16) {
            throw invalid("webhook.secret", "must be at least 16 characters");
        }
        if (present(request.pagerdutyRoutingKey()) && !ROUTING_KEY.matcher(request.pagerdutyRoutingKey()).matches()) {
            throw invalid("pagerdutyRoutingKey", "must be a PagerDuty integration key of 32 letters and digits");
        }
        if (present(request.telegramChatId()) && !CHAT.matcher(request.telegramChatId()).matches()) {
            throw invalid("telegramChatId", "must be a numeric chat id or an @channel name");
        }
    }

    /** A user-given URL, refused with the reason when it points somewhere the platform may not go. */
    private void url(String field, String value) {
        URI url;
        try {
            url = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid(field, "is not a URL");
        }
        try {
            outbound.checkUrl(url);
        } catch (DestinationRefusedException e) {
            throw AlertsException.invalidField(AlertsException.Reason.DESTINATION_REFUSED, field,
                    "is refused: " + e.getMessage());
        }
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static AlertsException invalid(String field, String message) {
        return AlertsException.invalidField(AlertsException.Reason.INVALID_REQUEST, field, message);
    }
}
