package io.chainmonitor.action;

import java.net.URI;
import java.net.URISyntaxException;

import org.springframework.stereotype.Component;

import io.chainmonitor.action.ActionException.Reason;
import io.chainmonitor.support.net.DestinationRefusedException;
import io.chainmonitor.support.net.OutboundPolicy;

/** Checks a URL a user gives (a partner webhook, an http-call step) before it is stored: SSRF guard included. */
@Component
public class UserUrls {

    private final OutboundPolicy outbound;

    UserUrls(OutboundPolicy outbound) {
        this.outbound = outbound;
    }

    /** The URL, or a refusal naming {@code field}: malformed (400) or pointing where the SSRF guard refuses (422). */
    public URI check(String url, String field) {
        if (url == null || url.isBlank()) {
            throw ActionException.invalidField(Reason.INVALID_REQUEST, field, "is required");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ActionException.invalidField(Reason.INVALID_REQUEST, field, "is not a URL: " + e.getMessage());
        }
        try {
            outbound.checkUrl(uri);
        } catch (DestinationRefusedException e) {
            throw ActionException.invalidField(Reason.DESTINATION_REFUSED, field, "is refused: " + e.getMessage());
        }
        return uri;
    }
}
