package io.chainmonitor.adapters;

/**
 * A node call that failed. The {@link Reason} is the only label used on metrics and says whether a retry may help.
 */
public abstract sealed class ChainClientException extends RuntimeException
        permits ChainClientException.Unavailable, ChainClientException.Rejected, ChainClientException.Malformed {

    private static final long serialVersionUID = 1L;

    private final String method;

    ChainClientException(String method, String message, Throwable cause) {
        super(message, cause);
        this.method = method;
    }

    /** The RPC method that failed, or {@code null} for a connection-level failure. */
    public String method() {
        return method;
    }

    /** Why the call failed. */
    public abstract Reason reason();

    /** {@code true} when the same call may succeed later (the node was unreachable or too slow). */
    public boolean retryable() {
        return reason() == Reason.UNAVAILABLE;
    }

    /** The kinds of failure. */
    public enum Reason {
        /** Connection refused or dropped, timeout, HTTP 5xx: the node is not there right now. */
        UNAVAILABLE,
        /** The node answered with an error: unknown method, bad parameters, wrong credentials (HTTP 401/403). */
        REJECTED,
        /** The node's answer is not what the protocol promises: not JSON, missing fields, wrong types. */
        MALFORMED
    }

    /** The node could not be reached or did not answer in time. */
    public static final class Unavailable extends ChainClientException {

        private static final long serialVersionUID = 1L;

        public Unavailable(String method, String message, Throwable cause) {
            super(method, message, cause);
        }

        @Override
        public Reason reason() {
            return Reason.UNAVAILABLE;
        }
    }

    /** The node refused the call. */
    public static final class Rejected extends ChainClientException {

        private static final long serialVersionUID = 1L;

        private final Integer code;

        public Rejected(String method, Integer code, String message, Throwable cause) {
            super(method, message, cause);
            this.code = code;
        }

        /** The JSON-RPC error code, or the HTTP status for an HTTP-level refusal; {@code null} if none. */
        public Integer code() {
            return code;
        }

        @Override
        public Reason reason() {
            return Reason.REJECTED;
        }
    }

    /** The node answered something that is not a valid answer. */
    public static final class Malformed extends ChainClientException {

        private static final long serialVersionUID = 1L;

        public Malformed(String method, String message, Throwable cause) {
            super(method, message, cause);
        }

        @Override
        public Reason reason() {
            return Reason.MALFORMED;
        }
    }
}
