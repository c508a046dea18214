package io.chainmonitor.reporter;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import io.chainmonitor.support.web.DomainProblemException;

/**
 * The reporter's one error vocabulary: a {@link Reason} and a detail, answered as an RFC 9457 problem whose type is
 * the reason's slug; a refused query parameter is named in the problem's {@code errors}.
 */
public final class ReporterException extends DomainProblemException {

    private final Reason reason;

    public ReporterException(Reason reason, String detail) {
        this(reason, detail, Map.of());
    }

    private ReporterException(Reason reason, String detail, Map<String, ?> properties) {
        super(reason.status, reason.slug, detail, properties);
        this.reason = reason;
    }

    /** A refused query or body parameter, named so that the caller knows which one to fix. */
    public static ReporterException invalidParameter(Reason reason, String parameter, String message) {
        return new ReporterException(reason, "'" + parameter + "' " + message,
                Map.of("errors", List.of(Map.of("parameter", parameter, "message", message))));
    }

    public Reason reason() {
        return reason;
    }

    /** Why a request was refused; the only error label on metrics. */
    public enum Reason {
        UNKNOWN_PARAMETER(HttpStatus.BAD_REQUEST, "unknown-parameter"), INVALID_PARAMETER(HttpStatus.BAD_REQUEST,
                "invalid-parameter"), INVERTED_RANGE(HttpStatus.BAD_REQUEST, "inverted-range"), LIMIT_TOO_LARGE(
                        HttpStatus.BAD_REQUEST,
                        "limit-too-large"), INVALID_CURSOR(HttpStatus.BAD_REQUEST, "invalid-cursor"), TOO_MANY_POINTS(
                                HttpStatus.BAD_REQUEST, "too-many-points"), NOT_FOUND(HttpStatus.NOT_FOUND,
                                        "not-found"), SHARE_EXPIRED(HttpStatus.GONE, "share-link-expired");

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
