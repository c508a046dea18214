package io.chainmonitor.health.rules.history;

import java.time.Instant;

/**
 * A range of stored history: by time ({@code from} inclusive, {@code to} exclusive, on the events' own times) or by
 * block height (both ends inclusive; events without a height are outside any height range).
 */
public sealed interface HistoryRange {

    /** A time range. */
    record Time(Instant from, Instant to) implements HistoryRange {
    }

    /** A block height range. */
    record Heights(long from, long to) implements HistoryRange {
    }
}
