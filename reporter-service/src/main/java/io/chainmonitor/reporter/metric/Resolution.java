package io.chainmonitor.reporter.metric;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How finely a metric series is answered: the samples as they came, or their per-minute or per-hour rollups. */
enum Resolution {
    RAW(null), MINUTE(ChronoUnit.MINUTES), HOUR(ChronoUnit.HOURS);

    private final ChronoUnit unit;

    Resolution(ChronoUnit unit) {
        this.unit = unit;
    }

    /** The start of the bucket {@code at} falls in; a bucket is half-open, [start, start + unit). */
    Instant bucketOf(Instant at) {
        if (unit == null) {
            throw new IllegalStateException("raw samples have no buckets");
        }
        return at.truncatedTo(unit);
    }

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
