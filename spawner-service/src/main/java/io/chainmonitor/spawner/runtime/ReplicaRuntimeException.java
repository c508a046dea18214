package io.chainmonitor.spawner.runtime;

import java.util.Objects;

/** A runtime could not do what was asked with a replica; {@link #reason()} is the one error label. */
public final class ReplicaRuntimeException extends RuntimeException {

    /** Why a runtime operation failed. */
    public enum Reason {
        EXECUTABLE_NOT_RUNNABLE, UNKNOWN_LOCATION, ALREADY_RUNNING, UNKNOWN_REPLICA, NO_FREE_PORT, START_FAILED, EXITED_BEFORE_READY, NOT_READY_IN_TIME, IO_FAILURE,
        /** A container platform (Docker engine, Kubernetes API) could not be reached. */
        PLATFORM_UNREACHABLE,
        /** The platform refused the request as malformed or not allowed (4xx other than 404 and 409). */
        PLATFORM_REJECTED,
        /** The platform does not know the container, pod or image asked for (404). */
        PLATFORM_NOT_FOUND,
        /** The platform's state conflicts with the request, e.g. a name in use (409). */
        PLATFORM_CONFLICT,
        /** The platform failed on its side (5xx). */
        PLATFORM_ERROR,
        /** The node's image could not be found or pulled. */
        IMAGE_UNAVAILABLE
    }

    private final Reason reason;
    private final Integer exitCode;

    public ReplicaRuntimeException(Reason reason, String message, Integer exitCode, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.exitCode = exitCode;
    }

    public ReplicaRuntimeException(Reason reason, String message) {
        this(reason, message, null, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The exit code of the node when it exited before being ready, else null. */
    public Integer exitCode() {
        return exitCode;
    }
}
