package io.chainmonitor.rules.model;

/**
 * A rule set that cannot be used; {@link #reason()} says how it fails, {@link #ruleId()} names the rule when one is
 * at fault, and the message names the rule and, for YAML, the file, line and column.
 */
public abstract sealed class RuleSetException extends RuntimeException
        permits RuleSetException.Invalid, RuleSetException.Conflict {

    private final Reason reason;
    private final String ruleId;

    RuleSetException(Reason reason, String ruleId, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.ruleId = ruleId;
    }

    /** A document or one rule is malformed: bad YAML, unknown key, missing or bad value, unknown metric. */
    public static Invalid invalid(Reason reason, String ruleId, String message, Throwable cause) {
        return new Invalid(reason, ruleId, message, cause);
    }

    /** Rules contradict each other: duplicate or retired id, a reference to no rule, a cycle. */
    public static Conflict conflict(Reason reason, String ruleId, String message) {
        return new Conflict(reason, ruleId, message);
    }

    /** The kind of failure; the only error label used on metrics. */
    public Reason reason() {
        return reason;
    }

    /** The rule at fault, or null when the problem is not in one rule (e.g. the file is not YAML). */
    public String ruleId() {
        return ruleId;
    }

    /** A malformed document or rule. */
    public static final class Invalid extends RuleSetException {
        Invalid(Reason reason, String ruleId, String message, Throwable cause) {
            super(reason, ruleId, message, cause);
        }
    }

    /** Rules that contradict each other. */
    public static final class Conflict extends RuleSetException {
        Conflict(Reason reason, String ruleId, String message) {
            super(reason, ruleId, message, null);
        }
    }

    /** Why a rule set cannot be used. */
    public enum Reason {
        /** The document cannot be read, is not YAML, or holds anything but one mapping. */
        UNREADABLE,
        /** A key the format does not know. */
        UNKNOWN_KEY,
        /** A required key is missing, null or empty. */
        MISSING_FIELD,
        /** A value of the wrong type or outside its allowed values. */
        INVALID_VALUE,
        /** A window that is not a positive number of blocks or a positive time span. */
        INVALID_WINDOW,
        /** A metric that is not in the metric vocabulary. */
        UNKNOWN_METRIC,
        /** Two rules share an id. */
        DUPLICATE_ID,
        /** A rule uses an id the set has retired. */
        RETIRED_ID,
        /** A composite names a rule the set does not have. */
        UNKNOWN_RULE,
        /** Composites that depend on each other in a circle. */
        CYCLE
    }
}
