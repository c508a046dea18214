package io.chainmonitor.health.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.chainmonitor.health.rules.history.HistoryRange;

/** Reads a dry run's {@code from} and {@code to}: two instants, two block heights, or neither (the whole history). */
final class DryRunRange {

    private DryRunRange() {
    }

    static HistoryRange parse(String from, String to, Instant now, Duration retention) {
        if (from == null && to == null) {
            return new HistoryRange.Time(now.minus(retention), now.plusMillis(1));
        }
        if (from == null || to == null) {
            throw invalid("give both from and to, or neither for the whole stored history");
        }
        if (isHeight(from) && isHeight(to)) {
            long low = Long.parseLong(from);
            long high = Long.parseLong(to);
            if (low > high) {
                throw invalid("from height " + low + " is above to height " + high);
            }
            return new HistoryRange.Heights(low, high);
        }
        if (isHeight(from) || isHeight(to)) {
            throw invalid("from and to are both instants or both block heights, not one of each");
        }
        try {
            Instant low = Instant.parse(from);
            Instant high = Instant.parse(to);
            if (!low.isBefore(high)) {
                throw invalid("from " + low + " is not before to " + high);
            }
            return new HistoryRange.Time(low, high);
        } catch (DateTimeParseException e) {
            throw invalid("from and to are RFC 3339 instants such as 2026-11-22T03:15:00Z, or block heights; got "
                    + from + " and " + to);
        }
    }

    private static boolean isHeight(String value) {
        return value.matches("\\d{1,18}");
    }

    private static RulesApiException invalid(String detail) {
        return new RulesApiException(RulesApiException.Reason.INVALID_REQUEST, detail);
    }
}
