package io.chainmonitor.benchmarks.backfill;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatisticsTest {

    @Test
    void theMedianOfAnOddCountIsTheMiddleSampleWhateverTheRunOrder() {
        Statistics statistics = Statistics.of(List.of(420.0, 310.0, 515.0, 380.0, 400.0));

        assertThat(statistics.median()).isEqualTo(400.0);
        assertThat(statistics.min()).isEqualTo(310.0);
        assertThat(statistics.max()).isEqualTo(515.0);
        assertThat(statistics.samples()).containsExactly(420.0, 310.0, 515.0, 380.0, 400.0);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Statistics.of(List.of(4.0, 1.0, 3.0, 2.0)).median()).isEqualTo(2.5);
    }

    @Test
    void noMeasuredPassIsNoFigure() {
        assertThatThrownBy(() -> Statistics.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
