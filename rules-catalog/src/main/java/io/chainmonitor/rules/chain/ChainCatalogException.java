package io.chainmonitor.rules.chain;

import io.chainmonitor.rules.yaml.YamlNode;

/**
 * A chain type file that cannot be loaded, or a launch template that cannot be rendered; {@link #reason()} says how
 * it fails and the message names the file, line, column and key.
 */
public final class ChainCatalogException extends RuntimeException {

    private final Reason reason;

    ChainCatalogException(Reason reason, String message) {
        this(reason, message, null);
    }

    ChainCatalogException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    static ChainCatalogException at(Reason reason, YamlNode.Where where, String key,
            String problem) {
        return new ChainCatalogException(reason, where + ": " + key + ": " + problem);
    }

    /** The kind of failure; the only error label used on metrics. */
    public Reason reason() {
        return reason;
    }

    /** Why a chain type cannot be loaded or rendered. */
    public enum Reason {
        /** The file cannot be read, is not YAML, or holds anything but one mapping. */
        UNREADABLE,
        /** A key the format does not know. */
        UNKNOWN_KEY,
        /** A required key is missing, null or empty. */
        MISSING_FIELD,
        /** A value of the wrong type, outside its allowed values or not matching its pattern. */
        INVALID_VALUE,
        /** An argument names a placeholder the format does not define. */
        UNKNOWN_PLACEHOLDER,
        /** Two chain types share an id. */
        DUPLICATE_ID,
        /** Keys that contradict each other, e.g. a {p2pPort} argument without a p2p port. */
        INCONSISTENT,
        /** Rendering a launch template lacks a value for one of its placeholders, or a value is not allowed. */
        MISSING_VALUE
    }
}
