package io.chainmonitor.action;

import java.util.Map;

import org.springframework.http.HttpStatus;

import io.chainmonitor.support.web.DomainProblemException;

/**
 * The action service's one error vocabulary: a {@link Reason} and a detail, answered as an RFC 9457 problem whose type
 * is the reason's slug.
 */
public final class ActionException extends DomainProblemException {

    private final Reason reason;

    public ActionException(Reason reason, String detail) {
        this(reason, detail, Map.of());
    }

    public ActionException(Reason reason, String detail, Map<String, ?> properties) {
        super(reason.status, reason.slug, detail, properties);
        this.reason = reason;
    }

    /** A refused request body member, named as the problem's {@code errors} list names it. */
    public static ActionException invalidField(Reason reason, String field, String message) {
        return new ActionException(reason, "'" + field + "' " + message, invalidMember(field, message));
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
        /** No such project (or not the caller's), policy or partner. */
        NOT_FOUND(HttpStatus.NOT_FOUND, "not-found"),
        /** A name is taken. */
        IN_USE(HttpStatus.CONFLICT, "in-use");

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
