package io.chainmonitor.rules.wire;

/** A signature file that cannot be used; the message names the file, line, column and key. */
public final class WireSignatureException extends RuntimeException {

    /** What is wrong with the file. */
    public enum Reason {
        UNREADABLE, UNKNOWN_KEY, MISSING_FIELD, INVALID_VALUE, INCOMPLETE
    }

    private final Reason reason;

    WireSignatureException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
