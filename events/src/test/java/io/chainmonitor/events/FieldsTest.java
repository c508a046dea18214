package io.chainmonitor.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chainmonitor.events.node.NodeLogLine;
import io.chainmonitor.events.wire.WireIncident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldsTest {

    private static final Instant AT = Instant.parse("2026-11-22T03:12:40.118Z");

    @Test
    void aCopiedMapKeepsItsOrderAndCannotBeChanged() {
        List<String> keys = List.of("replica", "chain", "attack", "rule", "miner", "window", "zone", "peer");
        Map<String, String> labels = new LinkedHashMap<>();
        keys.forEach(key -> labels.put(key, key + "-value"));

        Map<String, String> copy = Fields.map(labels);
        labels.put("later", "change");

        assertThat(copy.keySet()).containsExactlyElementsOf(keys);
        assertThatThrownBy(() -> copy.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Fields.map(null)).isEmpty();
    }

    @Test
    void aMapWithANullValueIsRefused() {
        Map<String, String> labels = new HashMap<>();
        labels.put("replica", null);

        assertThatThrownBy(() -> Fields.map(labels)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("replica");
    }

    @Test
    void aLongLogLineIsCutToTheLimitEndingWithAnEllipsis() {
        NodeLogLine line = new NodeLogLine("r-2", AT, NodeLogLine.Stream.STDERR, "error", "x".repeat(10_000), 7);

        assertThat(line.message()).hasSize(NodeLogLine.MAX_MESSAGE_LENGTH).endsWith("x…");
    }

    @Test
    void aLineOfExactlyTheLimitIsKeptWhole() {
        String message = "y".repeat(NodeLogLine.MAX_MESSAGE_LENGTH);

        assertThat(new NodeLogLine("r-2", AT, NodeLogLine.Stream.STDOUT, "warning", message, 7).message())
                .isEqualTo(message);
    }

    @Test
    void cuttingNeverSplitsACharacterOutsideTheBasicPlane() {
        // "🔗" is a surrogate pair in UTF-16; shift the pairs across the cut.
        for (int offset = 0; offset < 4; offset++) {
            String message = "a".repeat(NodeLogLine.MAX_MESSAGE_LENGTH - 3 + offset) + "🔗🔗🔗";
            NodeLogLine line = new NodeLogLine("r-2", AT, NodeLogLine.Stream.STDERR, "error", message, 1);

            assertThat(line.message().length()).isLessThanOrEqualTo(NodeLogLine.MAX_MESSAGE_LENGTH);
            assertThat(line.message().codePoints())
                    .noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
            byte[] written = new EventCodec().write(Envelope.of("/s", null, "p", Severity.LOW, line));
            assertThat(new String(written, StandardCharsets.UTF_8)).contains("…\"");
        }
    }

    @Test
    void aLongRequestExcerptIsCutToTheLimit() {
        WireIncident incident = new WireIncident("i-1", "r-1", AT, "203.0.113.45", 51822, WireIncident.Port.RPC,
                "json-rpc", "eth_call", false, "unknown-method", WireIncident.Disposition.FORWARDED, "a long call",
                "{\"params\":[\"" + "0".repeat(5_000) + "\"]}", 5_000, null);

        assertThat(incident.excerpt()).hasSize(WireIncident.MAX_EXCERPT_LENGTH).endsWith("…");
        assertThat(incident.labels()).isEmpty();
    }

    @Test
    void truncateLeavesShortAndMissingTextAlone() {
        assertThat(Fields.truncate("short", 10)).isEqualTo("short");
        assertThat(Fields.truncate(null, 10)).isNull();
        assertThat(Fields.truncate("0123456789ab", 10)).isEqualTo("012345678…");
    }

    @Test
    void requiredTextMustHaveText() {
        assertThat(Fields.requireText("r-1", "replicaId")).isEqualTo("r-1");
        assertThatThrownBy(() -> Fields.requireText(" \t", "replicaId")).hasMessage("replicaId is required");
        assertThatThrownBy(() -> Fields.requireNonNegative(-1, "height")).hasMessageContaining("height");
    }
}
