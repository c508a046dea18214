package io.chainmonitor.health.rules;

import java.util.Map;

import org.springframework.http.HttpStatus;

import io.chainmonitor.support.web.DomainProblemException;

/**
 * The rules API's one error vocabulary: a {@link Reason} and a detail, answered as an RFC 9457 problem whose type is
 * the reason's slug.
 */
public final class RulesApiException extends DomainProblemException {

    private final Reason reason;

    public RulesApiException(Reason reason, String detail) {
        this(reason, detail, Map.of());
    }

    public RulesApiException(Reason reason, String detail, Map<String, ?> properties) {
        super(reason.status, reason.slug, detail, properties);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Why a request was refused; the only error label on metrics. */
    public enum Reason {
        /** A malformed request: a bad header, parameter or range. */
        INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request"),
        /** A chain type the chain catalog does not hold. */
        UNKNOWN_CHAIN_TYPE(HttpStatus.BAD_REQUEST, "unknown-chain-type"),
        /** No project of the caller's, or no such rule. */
        NOT_FOUND(HttpStatus.NOT_FOUND, "not-found"),
        /** A rule set or rule that cannot be read: not YAML/JSON, unknown key, missing or bad value, bad window. */
        INVALID_RULE_SET(HttpStatus.BAD_REQUEST, "invalid-rule-set"),
        /** A readable rule set that cannot run: unknown metric, duplicate or retired id, unknown signal, cycle. */
        RULE_SET_REJECTED(HttpStatus.UNPROCESSABLE_CONTENT, "rule-set-rejected"),
        /** A patch that changes what a patch may not change. */
        INVALID_PATCH(HttpStatus.BAD_REQUEST, "invalid-patch"),
        /** A body larger than the configured limit. */
        BODY_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "rule-set-too-large"),
        /** A body in a format other than JSON or YAML. */
        UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type"),
        /** An Accept header that admits neither JSON nor YAML. */
        NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable"),
        /** {@code If-Match} names another version than the current one. */
        VERSION_MISMATCH(HttpStatus.PRECONDITION_FAILED, "version-mismatch"),
        /** A dry run over more stored events than allowed. */
        DRY_RUN_TOO_LARGE(HttpStatus.UNPROCESSABLE_CONTENT, "dry-run-range-too-large");

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
