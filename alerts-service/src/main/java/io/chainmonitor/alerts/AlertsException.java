package io.chainmonitor.alerts;

import java.util.Map;

import org.springframework.http.HttpStatus;

import io.chainmonitor.support.web.DomainProblemException;

/**
 * The alerts service's one error vocabulary: a {@link Reason} and a detail, answered as an RFC 9457 problem whose
 * type is the reason's slug.
 */
public final class AlertsException extends DomainProblemException {

    private final Reason reason;

    public AlertsException(Reason reason, String detail) {
        this(reason, detail, Map.of());
    }

    public AlertsException(Reason reason, String detail, Map<String, ?> properties) {
        super(reason.status, reason.slug, detail, properties);
        this.reason = reason;
    }

    /** A refused request body member, named as the problem's {@code errors} list names it. */
    public static AlertsException invalidField(Reason reason, String field, String message) {
        return new AlertsException(reason, "'" + field + "' " + message, invalidMember(field, message));
    }

    public Reason reason() {
        return reason;
    }

    /** Why a request was refused; the only error label on metrics. */
    public enum Reason {
        /** A member is missing or malformed. */
        INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request"),
        /** A URL points somewhere the SSRF guard refuses. */
        DESTINATION_REFUSED(HttpStatus.UNPROCESSABLE_CONTENT, "destination-refused"),
        /** No such project (or not the caller's), contact, silence or alert. */
        NOT_FOUND(HttpStatus.NOT_FOUND, "not-found"),
        /** A name is taken, or a contact is still in a tier. */
        IN_USE(HttpStatus.CONFLICT, "in-use"),
        /** A secret was to be stored but no key is configured. */
        NO_SECRET_KEY(HttpStatus.SERVICE_UNAVAILABLE, "no-secret-key"),
        /** A test message to the same contact and channel was sent a moment ago. */
        TOO_MANY_TESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-tests"),
        /** The contact has no address for the channel a test asked for. */
        CHANNEL_NOT_SET(HttpStatus.UNPROCESSABLE_CONTENT, "channel-not-set"),
        /** An acknowledgement link whose signature does not match or that expired. */
        INVALID_ACK_LINK(HttpStatus.FORBIDDEN, "invalid-ack-link");

        private final HttpStatus status;
        private final String slug;

        Reason(HttpStatus status, String slug) {
            this.status = status;
            this.slug = slug;
        }

        public HttpStatus status() {
            return status;
        }
    }
}
