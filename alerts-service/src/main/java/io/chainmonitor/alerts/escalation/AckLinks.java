package io.chainmonitor.alerts.escalation;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.chainmonitor.alerts.AlertsException;
import io.chainmonitor.alerts.AlertsProperties;
import io.chainmonitor.alerts.config.SecretBox;

/**
 * Signed acknowledgement links: {@code <public-url>/ack/<payload>.<signature>}, the payload naming the project, the
 * group and an expiry, the signature an HMAC with a key derived from the service's secret. No key, no links.
 */
@Component
public class AckLinks {

    private final SecretBox secrets;
    private final AlertsProperties properties;
    private final Clock clock;

    AckLinks(SecretBox secrets, AlertsProperties properties, Clock clock) {
        this.secrets = secrets;
        this.properties = properties;
        this.clock = clock;
    }

    /** The link acknowledging the group's alerts, or empty when no signing key is configured. */
    public Optional<URI> link(String projectId, String groupKey) {
        long expires = clock.instant().plus(properties.ackLinkValidity()).getEpochSecond();
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((projectId + "\n" + groupKey + "\n" + expires).getBytes(StandardCharsets.UTF_8));
        String base = properties.publicUrl().toString().replaceAll("/+$", "");
        return secrets.sign(payload).map(signature -> URI.create(base + "/ack/" + payload + "." + signature));
    }

    /** The project and group a token acknowledges, once its signature and expiry are checked. */
    Target verify(String token) {
        int dot = token.indexOf('.');
        if (dot < 1) {
            throw invalid("the link is malformed");
        }
        String payload = token.substring(0, dot);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = secrets.sign(payload).orElseThrow(() -> invalid("links are not signed on this platform"))
                .getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, expected)) {
            throw invalid("the link's signature does not match");
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\n");
        } catch (IllegalArgumentException e) {
            throw invalid("the link is malformed");
        }
        if (parts.length != 3 || !parts[2].matches("\\d{1,12}")) {
            throw invalid("the link is malformed");
        }
        if (clock.instant().isAfter(Instant.ofEpochSecond(Long.parseLong(parts[2])))) {
            throw invalid("the link has expired; acknowledge from the dashboard");
        }
        return new Target(parts[0], parts[1]);
    }

    private static AlertsException invalid(String detail) {
        return new AlertsException(AlertsException.Reason.INVALID_ACK_LINK, detail);
    }

    /** What a link acknowledges. */
    record Target(String projectId, String groupKey) {
    }
}
