package io.chainmonitor.health.rules;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.chainmonitor.health.rules.history.HistoryRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DryRunRangeTest {

    private static final Instant NOW = Instant.parse("2026-11-22T03:15:00Z");

    @Test
    void twoInstantsAreATimeRangeAndTwoNumbersAHeightRange() {
        assertThat(DryRunRange.parse("2026-11-22T01:00:00Z", "2026-11-22T02:00:00Z", NOW, Duration.ofDays(7)))
                .isEqualTo(new HistoryRange.Time(Instant.parse("2026-11-22T01:00:00Z"),
                        Instant.parse("2026-11-22T02:00:00Z")));
        assertThat(DryRunRange.parse("100", "200", NOW, Duration.ofDays(7)))
                .isEqualTo(new HistoryRange.Heights(100, 200));
    }

    @Test
    void noRangeIsTheWholeRetainedHistory() {
        assertThat(DryRunRange.parse(null, null, NOW, Duration.ofDays(7)))
                .isEqualTo(new HistoryRange.Time(NOW.minus(Duration.ofDays(7)), NOW.plusMillis(1)));
    }

    @Test
    void halfRangesMixedRangesAndBackwardRangesAreRefused() {
        assertThatThrownBy(() -> DryRunRange.parse("1", null, NOW, Duration.ofDays(7))).hasMessageContaining("both");
        assertThatThrownBy(() -> DryRunRange.parse("1", "2026-11-22T02:00:00Z", NOW, Duration.ofDays(7)))
                .hasMessageContaining("not one of each");
        assertThatThrownBy(() -> DryRunRange.parse("9", "2", NOW, Duration.ofDays(7))).hasMessageContaining("above");
        assertThatThrownBy(() -> DryRunRange.parse("2026-11-22T02:00:00Z", "2026-11-22T01:00:00Z", NOW,
                Duration.ofDays(7))).hasMessageContaining("not before");
        assertThatThrownBy(() -> DryRunRange.parse("yesterday", "today", NOW, Duration.ofDays(7)))
                .hasMessageContaining("RFC 3339");
    }
}
