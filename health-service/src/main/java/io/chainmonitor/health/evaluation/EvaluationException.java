package io.chainmonitor.health.evaluation;

import java.util.Locale;

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

    static EvaluationException unavailable(Reason reason, String message, Throwable cause) {
        return new Unavailable(reason, message, cause);
    }

    /** Something the evaluation depends on failed (the broker, the database): the record is delivered again. */
    static final class Unavailable extends EvaluationException {
        Unavailable(Reason reason, String message, Throwable cause) {
            super(reason, message, cause);
        }
    }

    /**
     * The error labels. Input the evaluation refuses is skipped and counted under these (and, for a rule set that
     * does not read, under the rules catalog's own {@code RuleSetException.Reason}), never retried.
     */
    enum Reason {
        /** Findings were not acknowledged by the broker in time. */
        PUBLISH_FAILED,
        /** The project's chain type names no default pack and its consensus is none of the packs. */
        NO_RULE_PACK,
        /** A rule set whose {@code projectId} is not the project it is keyed by. */
        PROJECT_MISMATCH,
        /** A rule set for another chain type than the project's. */
        CHAIN_TYPE_MISMATCH;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
