package io.chainmonitor.reporter.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.chainmonitor.reporter.ReporterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorTest {

    @Test
    void aCursorReadsBackExactlyToTheNanosecond() {
        Cursor cursor = new Cursor(2, Instant.parse("2026-11-22T03:15:00.123456789Z"), UUID.randomUUID());

        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void aCursorIsOpaqueUrlSafeText() {
        String encoded = new Cursor(0, Instant.parse("2026-11-22T03:15:00Z"), UUID.randomUUID()).encode();

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not base64!", "Zm9v", "YzF8OXwxfDF8eA"})
    void anythingThisServiceDidNotMakeIsRefusedNamingTheCursor(String cursor) {
        assertThatThrownBy(() -> Cursor.decode(cursor)).isInstanceOfSatisfying(ReporterException.class, e -> {
            assertThat(e.reason()).isEqualTo(ReporterException.Reason.INVALID_CURSOR);
            assertThat(e.getBody().getProperties()).extractingByKey("errors").asString().contains("cursor");
        });
    }

    @Test
    void aCursorWithAnImpossibleSeverityRankIsRefused() {
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("c1|7|1700000000|0|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> Cursor.decode(forged)).isInstanceOf(ReporterException.class);
    }
}
