package io.chainmonitor.support.web;

import java.time.DayOfWeek;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonPointersTest {

    @Test
    void aPropertyPathBecomesAJsonPointer() {
        assertThat(JsonPointers.fromPropertyPath("name")).isEqualTo("/name");
        assertThat(JsonPointers.fromPropertyPath("replicas[0].location")).isEqualTo("/replicas/0/location");
        assertThat(JsonPointers.fromPropertyPath("labels[env].value")).isEqualTo("/labels/env/value");
        assertThat(JsonPointers.fromPropertyPath("")).isEmpty();
    }

    @Test
    void slashesAndTildesInAMemberNameAreEscaped() {
        assertThat(JsonPointers.fromPropertyPath("labels[a/b~c]")).isEqualTo("/labels/a~1b~0c");
    }

    @Test
    void aProblemTypeIsAUrnWithALowerCaseSlug() {
        assertThat(ProblemTypes.of("binary-hash-mismatch")).hasToString(
                "urn:chain-monitor:problem:binary-hash-mismatch");
        assertThatThrownBy(() -> ProblemTypes.of("Binary Hash")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEnumIsDescribedByItsValuesAndAnUnknownTypeByNoName() {
        assertThat(ValueTypes.describe(DayOfWeek.class)).startsWith("one of monday, tuesday");
        assertThat(ValueTypes.describe(JsonPointersTest.class)).isEqualTo("a value of another type");
    }
}
