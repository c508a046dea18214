package io.chainmonitor.rules.chain;

import java.util.List;

/** A chain type id that the catalog does not hold; the message and {@link #validIds()} name the ones it does. */
public final class UnknownChainTypeException extends IllegalArgumentException {

    private final String id;
    private final List<String> validIds;

    UnknownChainTypeException(String id, List<String> validIds) {
        super("unknown chain type '" + id + "'; valid chain types: " + String.join(", ", validIds));
        this.id = id;
        this.validIds = List.copyOf(validIds);
    }

    /** The id that was asked for. */
    public String id() {
        return id;
    }

    /** The ids the catalog holds, sorted. */
    public List<String> validIds() {
        return validIds;
    }
}
