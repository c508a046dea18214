package io.chainmonitor.chainwatcher;

import org.springframework.http.HttpStatus;

import io.chainmonitor.support.web.DomainProblemException;

/**
 * The chain watcher's one error vocabulary: a {@link Reason} and a detail; on REST an RFC 9457 problem whose type is
 * the reason's slug.
 */
public final class ChainWatcherException extends DomainProblemException {

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public ChainWatcherException(Reason reason, String detail) {
        this(reason, detail, null);
    }

    /** With the failure behind it, named in the detail (a problem response carries no cause). */
    public ChainWatcherException(Reason reason, String detail, Throwable cause) {
        super(reason.status, reason.slug, cause == null ? detail : detail + ": " + cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Why something failed; the only error label on metrics. */
    public enum Reason {
        /** No replica of the project was ever followed by this watcher. */
        PROJECT_NOT_FOUND(HttpStatus.NOT_FOUND, "not-found"),
        /** The project has no such replica. */
        REPLICA_NOT_FOUND(HttpStatus.NOT_FOUND, "not-found"),
        /** A height range that is empty, negative or too wide. */
        INVALID_RANGE(HttpStatus.BAD_REQUEST, "invalid-range"),
        /** A lifecycle event names a chain type the catalog does not have. */
        UNKNOWN_CHAIN_TYPE(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-chain-type"),
        /** A running replica's lifecycle event has no usable RPC endpoint. */
        NO_ENDPOINT(HttpStatus.UNPROCESSABLE_CONTENT, "no-endpoint"),
        /** The broker did not acknowledge a block's events in time: the block is not committed and is tried again. */
        PUBLISH_FAILED(HttpStatus.SERVICE_UNAVAILABLE, "publish-failed");

        private final HttpStatus status;
        private final String slug;

        Reason(HttpStatus status, String slug) {
            this.status = status;
            this.slug = slug;
        }
    }
}
