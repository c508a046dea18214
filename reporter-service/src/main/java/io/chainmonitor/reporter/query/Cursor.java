package io.chainmonitor.reporter.query;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import io.chainmonitor.reporter.ReporterException;

/**
 * Where a page ended in the listing order (severity rank, then time newest first, then id): the next page starts
 * after it. Opaque to callers: base64url of a versioned text, so that the format may change without breaking links
 * that a newer version no longer reads (they get a clear 400, not a wrong page).
 */
public record Cursor(int severityRank, Instant at, UUID id) {

    private static final String VERSION = "c1";

    public String encode() {
        String text = String.join("|", VERSION, Integer.toString(severityRank), Long.toString(at.getEpochSecond()),
                Integer.toString(at.getNano()), id.toString());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor given back by a caller; anything this service did not make is a 400 naming {@code cursor}. */
    public static Cursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 5 || !VERSION.equals(parts[0])) {
                throw invalid();
            }
            int rank = Integer.parseInt(parts[1]);
            int nano = Integer.parseInt(parts[3]);
            if (rank < 0 || rank > 3 || nano < 0 || nano > 999_999_999) {
                throw invalid();
            }
            return new Cursor(rank, Instant.ofEpochSecond(Long.parseLong(parts[2]), nano), UUID.fromString(parts[4]));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw invalid();
        }
    }

    private static ReporterException invalid() {
        return ReporterException.invalidParameter(ReporterException.Reason.INVALID_CURSOR, "cursor",
                "is not a cursor of this listing; pass the nextCursor of the previous page unchanged");
    }
}
