package io.chainmonitor.health.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IfMatchTest {

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "3", "W/\"3\"", " \"3\" "})
    void theVersionIsReadFromTheETagAndItsHandWrittenForms(String header) {
        assertThat(IfMatch.parse(header).version()).isEqualTo(3L);
    }

    @Test
    void noHeaderOrAStarIsNoPreconditionAtAll() {
        assertThat(IfMatch.parse(null)).isEqualTo(IfMatch.NONE);
        assertThat(IfMatch.parse("*")).isEqualTo(IfMatch.NONE);
        assertThatCode(() -> IfMatch.NONE.check(42)).doesNotThrowAnyException();
    }

    @Test
    void theMatchingVersionPassesAndAnyOtherIsAPreconditionFailureNamingTheCurrentOne() {
        assertThatCode(() -> IfMatch.parse("\"0\"").check(0)).doesNotThrowAnyException();

        assertThatThrownBy(() -> IfMatch.parse("\"2\"").check(3)).isInstanceOfSatisfying(RulesApiException.class,
                e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
                    assertThat(e.getBody().getProperties()).containsEntry("currentVersion", 3L);
                    assertThat(e.getMessage()).contains("version 2", "version 3");
                });
    }

    @Test
    void aHeaderThatIsNoVersionIsABadRequest() {
        assertThatThrownBy(() -> IfMatch.parse("\"abc\"")).isInstanceOfSatisfying(RulesApiException.class,
                e -> assertThat(e.reason()).isEqualTo(RulesApiException.Reason.INVALID_REQUEST));
    }

    @Test
    void theETagOfAVersionIsQuoted() {
        assertThat(IfMatch.etag(7)).isEqualTo("\"7\"");
    }
}
