package io.chainmonitor.events;

import java.security.SecureRandom;
import java.util.UUID;

/** Time-ordered UUIDs (RFC 9562 version 7), used as event ids and idempotency keys. */
public final class Uuid7 {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis;
    private static int sequence;

    private Uuid7() {
    }

    /** A new UUIDv7; ids made by one JVM are strictly increasing. */
    public static UUID next() {
        return next(System.currentTimeMillis());
    }

    static synchronized UUID next(long nowMillis) {
        long millis = Math.max(nowMillis, lastMillis);
        if (millis == lastMillis) {
            sequence++;
            if (sequence > 0xFFF) {
                // 4096 ids in one millisecond: borrow the next millisecond rather than repeat.
                millis++;
                sequence = 0;
            }
        } else {
            sequence = RANDOM.nextInt(0x800);
        }
        lastMillis = millis;
        long msb = (millis << 16) | 0x7000L | sequence;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** The millisecond timestamp carried by a UUIDv7. */
    public static long timestampMillis(UUID uuid) {
        if (uuid.version() != 7) {
            throw new IllegalArgumentException("not a UUIDv7: " + uuid);
        }
        return uuid.getMostSignificantBits() >>> 16;
    }
}
