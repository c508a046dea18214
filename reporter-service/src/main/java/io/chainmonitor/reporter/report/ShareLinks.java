package io.chainmonitor.reporter.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.chainmonitor.reporter.ReporterException;
import io.chainmonitor.reporter.ReporterException.Reason;
import io.chainmonitor.reporter.ReporterProperties;

/**
 * Read-only share links of one report: a random 256-bit token, of which only the SHA-256 is stored, with an expiry;
 * revocable. An unknown token is a 404, an expired or revoked one a 410.
 */
@Service
class ShareLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ReporterProperties properties;
    private final Clock clock;

    ShareLinks(JdbcClient jdbc, ReporterProperties properties, Clock reporterClock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = reporterClock;
    }

    /** A new link; the token is returned here once and never again. */
    ShareLink create(UUID reportId, Duration expiresIn, String createdBy) {
        Duration lifetime = expiresIn == null ? properties.share().defaultExpiry() : expiresIn;
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(properties.share().maxExpiry()) > 0) {
            throw ReporterException.invalidParameter(Reason.INVALID_PARAMETER, "expiresIn",
                    "must be positive and at most " + properties.share().maxExpiry() + ", was " + lifetime);
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        jdbc.sql("""
                INSERT INTO report_share (id, report_id, token_hash, created_by, created_at, expires_at)
                VALUES (:id, :report, :hash, :createdBy, :now, :expiresAt)
                """).param("id", id).param("report", reportId).param("hash", hash(token))
                .param("createdBy", createdBy).param("now", Timestamp.from(now))
                .param("expiresAt", Timestamp.from(expiresAt)).update();
        return new ShareLink(id, reportId, "/share/" + token, token, expiresAt);
    }

    /** Revokes a link of the report; false when the report has no such link. */
    boolean revoke(UUID reportId, UUID shareId) {
        return jdbc.sql("""
                UPDATE report_share SET revoked_at = COALESCE(revoked_at, :now)
                 WHERE id = :id AND report_id = :report
                """).param("now", Timestamp.from(clock.instant())).param("id", shareId).param("report", reportId)
                .update() == 1;
    }

    /** The report a live token opens. */
    UUID reportOf(String token) {
        record Share(UUID reportId, Instant expiresAt, Timestamp revokedAt) {
        }
        Share share = jdbc.sql("SELECT report_id, expires_at, revoked_at FROM report_share WHERE token_hash = :hash")
                .param("hash", hash(token))
                .query((rs, row) -> new Share(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3)))
                .optional()
                .orElseThrow(() -> new ReporterException(Reason.NOT_FOUND, "no such share link"));
        if (share.revokedAt() != null) {
            throw new ReporterException(Reason.SHARE_EXPIRED, "this share link was revoked");
        }
        if (!clock.instant().isBefore(share.expiresAt())) {
            throw new ReporterException(Reason.SHARE_EXPIRED, "this share link expired at " + share.expiresAt());
        }
        return share.reportId();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A share link as created: {@code url} is relative to the reporter's base URL. */
    record ShareLink(UUID id, UUID reportId, String url, String token, Instant expiresAt) {
    }
}
