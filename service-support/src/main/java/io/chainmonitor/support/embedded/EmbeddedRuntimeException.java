package io.chainmonitor.support.embedded;

/** The embedded broker or database could not be started or stopped; {@link #reason()} says why. */
public final class EmbeddedRuntimeException extends RuntimeException {

    private final Reason reason;

    EmbeddedRuntimeException(Reason reason, String message) {
        this(reason, message, null);
    }

    EmbeddedRuntimeException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** The kind of failure; the only error label used on metrics. */
    public Reason reason() {
        return reason;
    }

    /** Why the embedded runtime failed. */
    public enum Reason {
        /** The PostgreSQL binaries are not on the class path or cannot be unpacked. */
        BINARIES_UNAVAILABLE,
        /** The JVM runs as root and cannot run PostgreSQL as an unprivileged user. */
        NO_UNPRIVILEGED_USER,
        /** The data directory cannot be used (not a cluster, already in use, not writable). */
        DATA_DIRECTORY_UNUSABLE,
        /** The server exited or did not become ready in time. */
        START_FAILED,
        /** A statement on the running server failed. */
        SERVER_ERROR
    }
}
