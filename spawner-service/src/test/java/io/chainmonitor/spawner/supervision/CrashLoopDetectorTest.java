package io.chainmonitor.spawner.supervision;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CrashLoopDetectorTest {

    private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

    private final CrashLoopDetector detector = new CrashLoopDetector(3, Duration.ofMinutes(1));

    @Test
    void theThresholdOfCrashesWithinTheWindowIsACrashLoop() {
        assertThat(detector.record(T0)).isEqualTo(1);
        assertThat(detector.record(T0.plusSeconds(20))).isEqualTo(2);
        assertThat(detector.isLooping()).isFalse();

        assertThat(detector.record(T0.plusSeconds(40))).isEqualTo(3);

        assertThat(detector.isLooping()).isTrue();
        assertThat(detector.firstCrash()).isEqualTo(T0);
    }

    @Test
    void crashesOlderThanTheWindowNoLongerCount() {
        detector.record(T0);
        detector.record(T0.plusSeconds(30));

        assertThat(detector.record(T0.plusSeconds(61))).isEqualTo(2);
        assertThat(detector.isLooping()).isFalse();
        assertThat(detector.firstCrash()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void clearingForgetsEveryCrash() {
        detector.record(T0);
        detector.record(T0.plusSeconds(1));
        detector.clear();

        assertThat(detector.record(T0.plusSeconds(2))).isEqualTo(1);
        assertThat(detector.firstCrash()).isEqualTo(T0.plusSeconds(2));
    }
}
