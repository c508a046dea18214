package io.chainmonitor.reporter.query;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.util.MultiValueMap;

import io.chainmonitor.events.Severity;
import io.chainmonitor.reporter.ReporterException;
import io.chainmonitor.reporter.ReporterException.Reason;

/**
 * The filters of a listing, read and checked from the query string: an unknown parameter, a bad value, an inverted
 * range, a page size over the limit or a foreign cursor is refused with a problem that names the parameter.
 */
public record ListingFilter(String project, List<Severity> severities, String status, String rule, String attack,
        String replica, Instant from, Instant to, String q, Cursor cursor, int limit) {

    /** The parameters every listing takes. */
    public static final Set<String> PARAMETERS = Set.of("project", "severity", "status", "rule", "attack", "replica",
            "from", "to", "q", "cursor", "limit");

    /** Reads the filters; {@code statuses} are the values {@code status} may take for this listing. */
    public static ListingFilter read(MultiValueMap<String, String> query, List<String> statuses, int defaultLimit,
            int maxLimit) {
        requireKnown(query, PARAMETERS);
        for (var entry : query.entrySet()) {
            if (entry.getValue().size() > 1) {
                throw ReporterException.invalidParameter(Reason.INVALID_PARAMETER, entry.getKey(),
                        "is given more than once; give it once (severity takes a comma-separated list)");
            }
        }
        String status = text(query, "status");
        if (status != null && !statuses.contains(status)) {
            throw ReporterException.invalidParameter(Reason.INVALID_PARAMETER, "status",
                    "must be one of " + String.join(", ", statuses) + ", was '" + status + "'");
        }
        Instant from = instant(query, "from");
        Instant to = instant(query, "to");
        requireOrdered(from, to);
        String cursor = text(query, "cursor");
        return new ListingFilter(text(query, "project"), severities(text(query, "severity")), status,
                text(query, "rule"), text(query, "attack"), text(query, "replica"), from, to, text(query, "q"),
                cursor == null ? null : Cursor.decode(cursor), limit(text(query, "limit"), defaultLimit, maxLimit));
    }

    /** Refuses the first parameter that is not one of {@code known}, naming it and the known ones. */
    public static void requireKnown(MultiValueMap<String, String> query, Set<String> known) {
        Set<String> unknown = new TreeSet<>(query.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw ReporterException.invalidParameter(Reason.UNKNOWN_PARAMETER, unknown.iterator().next(),
                    "is not a parameter here; known ones: " + String.join(", ", new TreeSet<>(known)));
        }
    }

    /** Refuses a range whose {@code from} is not before its {@code to}; either end may be open (null). */
    public static void requireOrdered(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ReporterException.invalidParameter(Reason.INVERTED_RANGE, "from",
                    "must be before 'to' (" + from + " is not before " + to + ")");
        }
    }

    /** A UUID parameter, refused naming {@code parameter} when it is not one. */
    public static UUID uuid(String value, String parameter) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ReporterException.invalidParameter(Reason.INVALID_PARAMETER, parameter,
                    "must be a UUID, was '" + value + "'");
        }
    }

    /** A page size: the default when absent, refused when not a number, below 1 or over the maximum. */
    public static int limit(String value, int defaultLimit, int maxLimit) {
        if (value == null) {
            return defaultLimit;
        }
        int limit;
        try {
            limit = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ReporterException.invalidParameter(Reason.INVALID_PARAMETER, "limit",
                    "must be a whole number, was '" + value + "'");
        }
        if (limit < 1) {
            throw ReporterException.invalidParameter(Reason.INVALID_PARAMETER, "limit", "must be at least 1");
        }
        if (limit > maxLimit) {
            throw ReporterException.invalidParameter(Reason.LIMIT_TOO_LARGE, "limit",
                    "must be at most " + maxLimit + ", was " + limit);
        }
        return limit;
    }

    /** A time parameter: an RFC 3339 instant such as 2026-11-22T03:00:00Z. */
    public static Instant instant(MultiValueMap<String, String> query, String name) {
        String value = text(query, name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ReporterException.invalidParameter(Reason.INVALID_PARAMETER, name,
                    "must be an RFC 3339 instant such as 2026-11-22T03:00:00Z, was '" + value + "'");
        }
    }

    public static String text(MultiValueMap<String, String> query, String name) {
        String value = query.getFirst(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static List<Severity> severities(String value) {
        if (value == null) {
            return List.of();
        }
        List<Severity> severities = new ArrayList<>();
        for (String part : value.split(",")) {
            try {
                severities.add(Severity.fromWire(part));
            } catch (IllegalArgumentException e) {
                throw ReporterException.invalidParameter(Reason.INVALID_PARAMETER, "severity",
                        "must be one or more of " + Arrays.stream(Severity.values()).map(Severity::wireName)
                                .toList() + ", was '" + part.trim() + "'");
            }
        }
        return List.copyOf(severities);
    }
}
