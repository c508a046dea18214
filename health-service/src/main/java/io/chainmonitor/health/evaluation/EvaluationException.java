package io.chainmonitor.health.evaluation;

/** Why the evaluation could not handle an event; {@link #reason()} is the one error label on metrics. */
abstract sealed class EvaluationException extends RuntimeException {

    private final Reason reason;

    private EvaluationException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }

    static EvaluationException rejected(Reason reason, String message) {
        return new Rejected(reason, message, null);
    }

    static EvaluationException unavailable(Reason reason, String message, Throwable cause) {
        return new Unavailable(reason, message, cause);
    }

    /** The input is wrong and will stay wrong: it is skipped (and counted), never retried. */
    static final class Rejected extends EvaluationException {
        Rejected(Reason reason, String message, Throwable cause) {
            super(reason, message, cause);
        }
    }

    /** Something the evaluation depends on failed (the broker, the database): the record is delivered again. */
    static final class Unavailable extends EvaluationException {
        Unavailable(Reason reason, String message, Throwable cause) {
            super(reason, message, cause);
        }
    }

    /** The error labels. */
    enum Reason {
        INVALID_RULE_SET, CHAIN_TYPE_MISMATCH, NO_RULE_PACK, PUBLISH_FAILED, STATE_UNREADABLE
    }
}
