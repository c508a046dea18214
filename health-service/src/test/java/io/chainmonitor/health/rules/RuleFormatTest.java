package io.chainmonitor.health.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleFormatTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"application/yaml|YAML", "text/yaml|YAML", "application/x-yaml|YAML",
            "application/json|JSON", "*/*|JSON", "application/*|JSON",
            "application/json;q=0.5, application/yaml|YAML", "application/yaml;q=0.2, application/json|JSON",
            "text/html, application/yaml;q=0.9|YAML", "application/yaml;q=0, */*|JSON"})
    void acceptPicksTheFormByQuality(String accept, RuleFormat expected) {
        assertThat(RuleFormat.forAccept(accept)).isEqualTo(expected);
    }

    @Test
    void noAcceptHeaderMeansJson() {
        assertThat(RuleFormat.forAccept(null)).isEqualTo(RuleFormat.JSON);
        assertThat(RuleFormat.forAccept("")).isEqualTo(RuleFormat.JSON);
    }

    @Test
    void anAcceptHeaderWithoutJsonOrYamlIsNotAcceptable() {
        assertThatThrownBy(() -> RuleFormat.forAccept("text/html")).isInstanceOfSatisfying(RulesApiException.class,
                e -> assertThat(e.reason()).isEqualTo(RulesApiException.Reason.NOT_ACCEPTABLE));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"application/yaml|YAML", "application/x-yaml; charset=utf-8|YAML",
            "text/yaml|YAML", "application/json|JSON", "application/merge-patch+json|JSON",
            "application/json;charset=UTF-8|JSON"})
    void theContentTypeNamesTheBodysForm(String contentType, RuleFormat expected) {
        assertThat(RuleFormat.forContentType(contentType)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", "text/plain", "not a type", " "})
    void aBodyOfAnotherTypeIsRefusedAsUnsupported(String contentType) {
        assertThatThrownBy(() -> RuleFormat.forContentType(contentType))
                .isInstanceOfSatisfying(RulesApiException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RulesApiException.Reason.UNSUPPORTED_MEDIA_TYPE);
                    assertThat(e.getMessage()).contains("application/json or application/yaml");
                });
    }
}
