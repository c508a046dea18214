package io.chainmonitor.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import io.chainmonitor.events.fixtures.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/** What goes on the wire is the contract's vocabulary only: no Java class names, no type headers. */
class WireFormatTest {

    private final EventCodec codec = new EventCodec();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void noJavaClassNameAppearsAnywhereInWrittenJson(EventType type) {
        Envelope<?> envelope = Fixtures.envelope(type);
        String json = new String(codec.write(envelope), StandardCharsets.UTF_8);
        List<String> keysAndValues = new ArrayList<>();
        collect(JsonEdits.MAPPER.readTree(json), keysAndValues);

        assertThat(keysAndValues).noneMatch(text -> text.startsWith("@"))
                .noneMatch(text -> text.contains("java.") || text.contains("$"));
        // The type attribute is the one place io.chainmonitor appears, and it names an event type, not a class.
        assertThat(json.split("io\\.chainmonitor", -1)).hasSize(2);
        assertThat(json).doesNotContain(type.payloadType().getName()).doesNotContain(Envelope.class.getName())
                .doesNotContain("\"" + type.payloadType().getSimpleName() + "\"");
        assertThat(envelope.type()).isEqualTo(type.type()).isNotEqualTo(type.payloadType().getName());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void onlyTheRecordsComponentsAreWrittenNotTheirDerivedMethods(EventType type) {
        JsonNode written = JsonEdits.MAPPER.readTree(codec.write(Fixtures.envelope(type)));

        assertThat(written.propertyNames()).doesNotContain("topic", "uuid");
        assertThat(written.get("data").propertyNames()).doesNotContain("eventType");
    }

    private static void collect(JsonNode node, List<String> found) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                found.add(member.getKey());
                collect(member.getValue(), found);
            }
        } else if (node.isArray()) {
            node.values().forEach(element -> collect(element, found));
        } else if (node.isString()) {
            found.add(node.asString());
        }
    }
}
