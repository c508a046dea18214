package io.chainmonitor.wirelistener;

import java.util.Map;

import org.springframework.http.HttpStatus;

import io.chainmonitor.support.web.DomainProblemException;

/** The wire listener's one error vocabulary, answered as an RFC 9457 problem whose type is the reason's slug. */
public final class WireListenerException extends DomainProblemException {

    private final Reason reason;

    public WireListenerException(Reason reason, String detail) {
        super(reason.status, reason.slug, detail, Map.of());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Why a request was refused. */
    public enum Reason {
        /** A member is missing or malformed. */
        INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request"),
        /** No such block, project or replica. */
        NOT_FOUND(HttpStatus.NOT_FOUND, "not-found"),
        /** A listening port could not be opened. */
        LISTEN_FAILED(HttpStatus.SERVICE_UNAVAILABLE, "listen-failed");

        private final HttpStatus status;
        private final String slug;

        Reason(HttpStatus status, String slug) {
            this.status = status;
            this.slug = slug;
        }
    }
}
