package io.chainmonitor.health.evaluation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

import io.chainmonitor.events.Uuid7;
import io.chainmonitor.events.finding.Finding;

/**
 * Envelope ids of findings derived from what caused them (the input event, the fingerprint and the status), in the
 * UUIDv7 layout with the cause's time: should a finding be sent twice after a crash (published, then the crash before
 * the ledger knew it), both copies carry the same id and consumers, who dedupe by id, drop the second.
 */
final class FindingIds {

    private FindingIds() {
    }

    static UUID of(UUID cause, Finding finding) {
        byte[] digest = sha256(cause + "|" + finding.fingerprint() + "|" + finding.status());
        ByteBuffer bits = ByteBuffer.wrap(digest);
        long millis = cause.version() == 7 ? Uuid7.timestampMillis(cause) : finding.startsAt().toEpochMilli();
        long msb = (millis << 16) | 0x7000L | (bits.getShort() & 0xFFFL);
        long lsb = (bits.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
