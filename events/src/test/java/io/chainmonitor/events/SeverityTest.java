package io.chainmonitor.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeverityTest {

    @Test
    void tiersAreOrderedFromTheMostToTheLeastSevere() {
        assertThat(Severity.values()).containsExactly(Severity.EXTREME, Severity.HIGH, Severity.MEDIUM,
                Severity.LOW);
    }

    @Test
    void aTierIsAtLeastItselfAndEveryLessSevereTier() {
        assertThat(Severity.HIGH.isAtLeast(Severity.HIGH)).isTrue();
        assertThat(Severity.HIGH.isAtLeast(Severity.MEDIUM)).isTrue();
        assertThat(Severity.HIGH.isAtLeast(Severity.LOW)).isTrue();
        assertThat(Severity.HIGH.isAtLeast(Severity.EXTREME)).isFalse();
        assertThat(Severity.EXTREME.isAtLeast(Severity.LOW)).isTrue();
        assertThat(Severity.LOW.isAtLeast(Severity.MEDIUM)).isFalse();
    }

    @Test
    void wireNamesAreTheLowerCaseNamesOfTheContract() {
        assertThat(Severity.values()).extracting(Severity::wireName)
                .containsExactly("extreme", "high", "medium", "low");
    }

    @Test
    void lowIsShownAsLowInfo() {
        assertThat(Severity.values()).extracting(Severity::label)
                .containsExactly("Extreme", "High", "Medium", "Low/Info");
    }

    @ParameterizedTest
    @EnumSource(Severity.class)
    void fromWireReadsEveryWireNameWhateverItsCase(Severity severity) {
        assertThat(Severity.fromWire(severity.wireName())).isEqualTo(severity);
        assertThat(Severity.fromWire(" " + severity.name() + " ")).isEqualTo(severity);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"critical", "info", "Low/Info", "3"})
    void fromWireRefusesUnknownValuesNamingTheValidOnes(String value) {
        assertThatThrownBy(() -> Severity.fromWire(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining("extreme, high, medium, low");
    }

    @Test
    void theCodecWritesTheWireName() {
        assertThat(JsonEdits.MAPPER.writeValueAsString(Severity.LOW)).isEqualTo("\"low\"");
        assertThat(JsonEdits.MAPPER.readValue("\"MEDIUM\"", Severity.class)).isEqualTo(Severity.MEDIUM);
    }
}
