package io.chainmonitor.alerts.config;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.chainmonitor.alerts.AlertsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

    private final SecretBox box = new SecretBox("a-root-secret-of-at-least-32-bytes!!");

    @Test
    void aSecretRoundTripsAndItsCiphertextHidesItAndDiffersEachTime() {
        byte[] first = box.encrypt("https://hooks.slack.com/services/T0/B0/x", "c1/slack");
        byte[] second = box.encrypt("https://hooks.slack.com/services/T0/B0/x", "c1/slack");
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("hooks.slack.com");
        assertThat(first).isNotEqualTo(second);
        assertThat(box.decrypt(first, "c1/slack")).isEqualTo("https://hooks.slack.com/services/T0/B0/x");
    }

    @Test
    void aCiphertextMovedToAnotherContactOrFieldDoesNotDecrypt() {
        byte[] sealed = box.encrypt("R0123456789abcdef0123456789abcde", "c1/pagerduty");
        assertThatThrownBy(() -> box.decrypt(sealed, "c2/pagerduty")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.decrypt(sealed, "c1/slack")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretBox("another-root-secret-of-32-bytes!!!!").decrypt(sealed, "c1/pagerduty"))
                .hasMessageContaining("does not decrypt with the configured key");
    }

    @Test
    void withoutAKeyTheServiceRunsButRefusesToStoreASecretAndSignsNoLinks() {
        SecretBox none = new SecretBox((String) null);
        assertThat(none.hasKey()).isFalse();
        assertThat(none.encrypt(null, "c1/slack")).isNull();
        assertThat(none.sign("payload")).isEmpty();
        assertThatThrownBy(() -> none.encrypt("https://hooks.slack.com/x", "c1/slack"))
                .isInstanceOfSatisfying(AlertsException.class,
                        e -> assertThat(e.reason()).isEqualTo(AlertsException.Reason.NO_SECRET_KEY))
                .hasMessageContaining("chain-monitor.alerts.secret-key");
    }

    @Test
    void aShortKeyIsRefusedAtStart() {
        assertThatThrownBy(() -> new SecretBox("short")).hasMessageContaining("at least 32 bytes");
    }

    @Test
    void linkSignaturesAreStableAndKeyed() {
        assertThat(box.sign("p")).isEqualTo(box.sign("p"));
        assertThat(box.sign("p")).isNotEqualTo(box.sign("q"));
        assertThat(new SecretBox("another-root-secret-of-32-bytes!!!!").sign("p")).isNotEqualTo(box.sign("p"));
    }
}
