package io.chainmonitor.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.chainmonitor.events.EventFormatException.Reason;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.fixtures.Fixtures;
import io.chainmonitor.events.heartbeat.Heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the codec reads what it should and refuses, with the right reason, what it should not. */
class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void readersIgnoreUnknownMembersAtTheTopAndInsideData(EventType type) {
        byte[] extended = JsonEdits.edited(type, root -> {
            root.put("comexampleextension", "added by a later producer");
            ObjectNode data = (ObjectNode) root.get("data");
            data.put("fieldOfAFutureMinorVersion", 42);
            data.putObject("nestedOfAFutureMinorVersion").putArray("values").add("x");
            nestedRecords(type, data).forEach(nested -> nested.put("alsoNew", true));
        });

        assertThat(codec.read(extended)).isEqualTo(Fixtures.envelope(type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void eachBadInputIsRefusedWithItsReason(String what, byte[] input, Reason reason) {
        assertThatThrownBy(() -> codec.read(input)).as(what)
                .isInstanceOfSatisfying(EventFormatException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("not JSON", "chain monitor", Reason.NOT_JSON),
                bad("cut-off JSON", "{\"specversion\": \"1.0\", \"id\": ", Reason.NOT_JSON),
                bad("no bytes at all", "", Reason.NOT_JSON),
                bad("a JSON array", "[{\"specversion\": \"1.0\"}]", Reason.NOT_JSON),
                bad("a JSON string", "\"io.chainmonitor.finding.v1\"", Reason.NOT_JSON),
                bad("two events in one record", Fixtures.json(EventType.FINDING) + Fixtures.json(EventType.FINDING),
                        Reason.NOT_JSON),
                bad("a duplicated member", "{\"type\": \"io.chainmonitor.finding.v1\", \"type\": \"x\"}",
                        Reason.NOT_JSON),
                edited("missing id", root -> root.remove("id"), Reason.MISSING_ATTRIBUTE),
                edited("missing type", root -> root.remove("type"), Reason.MISSING_ATTRIBUTE),
                edited("missing time", root -> root.remove("time"), Reason.MISSING_ATTRIBUTE),
                edited("missing projectid", root -> root.remove("projectid"), Reason.MISSING_ATTRIBUTE),
                edited("missing source", root -> root.remove("source"), Reason.MISSING_ATTRIBUTE),
                edited("missing severity", root -> root.remove("severity"), Reason.MISSING_ATTRIBUTE),
                edited("missing specversion", root -> root.remove("specversion"), Reason.MISSING_ATTRIBUTE),
                edited("missing data", root -> root.remove("data"), Reason.MISSING_ATTRIBUTE),
                edited("null projectid", root -> root.putNull("projectid"), Reason.MISSING_ATTRIBUTE),
                edited("blank id", root -> root.put("id", " "), Reason.MISSING_ATTRIBUTE),
                edited("specversion 0.3", root -> root.put("specversion", "0.3"), Reason.UNSUPPORTED_SPEC_VERSION),
                edited("unknown type", root -> root.put("type", "io.chainmonitor.finding.v2"), Reason.UNKNOWN_TYPE),
                edited("a Java class name as type", root -> root.put("type", Finding.class.getName()),
                        Reason.UNKNOWN_TYPE),
                edited("a resolved finding without endsAt", root -> data(root).put("status", "resolved"),
                        Reason.INVALID_DATA),
                edited("a finding that ends before it starts",
                        root -> data(root).put("endsAt", "2026-11-22T03:00:00Z"), Reason.INVALID_DATA),
                edited("a finding without its chain", root -> data(root).remove("chain"), Reason.INVALID_DATA),
                edited("an unknown finding status", root -> data(root).put("status", "pending"),
                        Reason.INVALID_DATA),
                edited("data that is an array", root -> root.putArray("data"), Reason.INVALID_DATA),
                edited("a time that is no instant", root -> root.put("time", "yesterday"), Reason.INVALID_DATA),
                edited("a time that is a number", root -> root.put("time", 1795403700123L), Reason.INVALID_DATA),
                edited("an unknown severity", root -> root.put("severity", "critical"), Reason.INVALID_DATA),
                edited("an id that is an object", root -> root.putObject("id"), Reason.INVALID_DATA),
                edited("a type that is an array", root -> root.putArray("type"), Reason.INVALID_DATA),
                edited("a specversion that is a number", root -> root.put("specversion", 1.0),
                        Reason.INVALID_DATA),
                Arguments.of("a metric batch with no samples",
                        JsonEdits.edited(EventType.METRIC_BATCH, root -> data(root).putArray("samples")),
                        Reason.INVALID_DATA));
    }

    @Test
    void aNullRecordValueIsNotJson() {
        assertThatThrownBy(() -> codec.read(null)).isInstanceOfSatisfying(EventFormatException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.NOT_JSON));
    }

    @Test
    void anEventReadFromAnotherTopicThanItsOwnIsRefused() {
        assertThatThrownBy(() -> codec.read(Fixtures.bytes(EventType.FINDING), Topic.CHAIN_METRICS))
                .isInstanceOfSatisfying(EventFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_TOPIC))
                .hasMessageContaining("cm.findings.v1")
                .hasMessageContaining("cm.chain.metrics.v1");
    }

    @Test
    void anEventReadAsAnotherPayloadThanItsOwnIsRefused() {
        assertThat(codec.read(Fixtures.bytes(EventType.FINDING), Finding.class).data().ruleId())
                .isEqualTo("pow.51-percent");
        assertThatThrownBy(() -> codec.read(Fixtures.bytes(EventType.FINDING), Heartbeat.class))
                .isInstanceOfSatisfying(EventFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_TYPE));
    }

    @Test
    void theMessageOfInvalidDataNamesTheBrokenCheck() {
        byte[] resolvedWithoutEnd = JsonEdits.edited(EventType.FINDING, root -> data(root).put("status", "resolved"));

        assertThatThrownBy(() -> codec.read(resolvedWithoutEnd)).hasMessageContaining("io.chainmonitor.finding.v1")
                .hasMessageContaining("resolved finding needs endsAt");
    }

    @Test
    void enumValuesAreReadWhateverTheirCase() {
        byte[] upperCase = JsonEdits.edited(EventType.FINDING, root -> {
            root.put("severity", "EXTREME");
            data(root).put("status", "FIRING");
        });

        assertThat(codec.read(upperCase)).isEqualTo(Fixtures.envelope(EventType.FINDING));
    }

    @Test
    void labelsAreWrittenInKeyOrderWhateverMapTheProducerUsed() {
        Finding fixture = Fixtures.payload(EventType.FINDING, Finding.class);
        Map<String, String> labels = new HashMap<>();
        for (String key : new String[]{"zone", "rule", "chain", "replica", "attack", "miner"}) {
            labels.put(key, key.toUpperCase(Locale.ROOT));
        }
        Finding relabeled = new Finding(fixture.fingerprint(), fixture.ruleId(), fixture.attack(), fixture.status(),
                fixture.title(), fixture.summary(), fixture.chain(), fixture.replicaId(), fixture.evidence(), labels,
                fixture.recommendedActions(), fixture.startsAt(), fixture.endsAt());

        String json = new String(codec.write(Envelope.of("/test", null, "p", Severity.HIGH, relabeled)),
                StandardCharsets.UTF_8);

        assertThat(json).contains(
                "\"labels\":{\"attack\":\"ATTACK\",\"chain\":\"CHAIN\",\"miner\":\"MINER\",\"replica\":\"REPLICA\","
                        + "\"rule\":\"RULE\",\"zone\":\"ZONE\"}");
    }

    @Test
    void anEventWrittenByTheCodecReadsBackEqual() {
        Envelope<Heartbeat> heartbeat = Envelope.of("/reporter-service", null, Envelope.PLATFORM_PROJECT_ID,
                Severity.LOW, new Heartbeat("reporter-service", "reporter-1", null, Instant.parse(
                        "2026-11-22T03:00:00Z"), Instant.parse("2026-11-22T03:00:15.5Z"), "up"));

        assertThat(codec.read(codec.write(heartbeat), Heartbeat.class)).isEqualTo(heartbeat);
    }

    /** The objects inside {@code data} that are records of their own (maps of labels are not). */
    private static List<ObjectNode> nestedRecords(EventType type, ObjectNode data) {
        List<ObjectNode> nested = new ArrayList<>();
        for (RecordComponent component : type.payloadType().getRecordComponents()) {
            JsonNode value = data.path(component.getName());
            Type generic = component.getGenericType();
            if (component.getType().isRecord() && value.isObject()) {
                nested.add((ObjectNode) value);
            } else if (generic instanceof ParameterizedType list && component.getType() == List.class
                    && ((Class<?>) list.getActualTypeArguments()[0]).isRecord()) {
                value.values().forEach(element -> nested.add((ObjectNode) element));
            }
        }
        assertThat(nested).as("nested records of the %s fixture", type).allMatch(JsonNode::isObject);
        return nested;
    }

    private static Arguments bad(String what, String input, Reason reason) {
        return Arguments.of(what, input.getBytes(StandardCharsets.UTF_8), reason);
    }

    private static Arguments edited(String what, Consumer<ObjectNode> edit, Reason reason) {
        return Arguments.of(what, JsonEdits.edited(EventType.FINDING, edit), reason);
    }

    private static ObjectNode data(ObjectNode root) {
        return (ObjectNode) root.get("data");
    }
}
