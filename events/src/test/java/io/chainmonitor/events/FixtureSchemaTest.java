package io.chainmonitor.events;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.chainmonitor.events.fixtures.EventSchemas;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON Schemas and the payload records say the same thing about what a valid event is. */
class FixtureSchemaTest {

    private final EventCodec codec = new EventCodec();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyFixtureValidatesAgainstTheEnvelopeSchemaAndItsPayloadSchema(EventType type) {
        ObjectNode fixture = JsonEdits.fixture(type);

        assertThat(EventSchemas.schema(EventSchemas.ENVELOPE).validate(fixture)).isEmpty();
        assertThat(EventSchemas.schema(type.schemaResource()).validate(fixture.get("data"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaAndCodecAgreeOnWhichMembersAreRequired(EventType type) {
        ObjectNode fixture = JsonEdits.fixture(type);

        assertThat(JsonEdits.memberPointers(fixture, "")).allSatisfy(pointer -> {
            ObjectNode without = fixture.deepCopy();
            JsonEdits.remove(without, pointer);

            assertThat(schemaAccepts(without)).as("schema accepts the event without %s", pointer)
                    .isEqualTo(codecAccepts(without));
        });
    }

    @ParameterizedTest(name = "{0} {1} = {2}: valid {3}")
    @MethodSource("editedValues")
    void schemaAndCodecAgreeOnValuesAtTheEdgeOfTheRecordsChecks(EventType type, String pointer, String value,
            boolean valid) {
        ObjectNode event = JsonEdits.fixture(type);
        JsonEdits.set(event, pointer, JsonEdits.value(value));

        assertThat(codecAccepts(event)).as("codec accepts").isEqualTo(valid);
        assertThat(schemaAccepts(event)).as("schema accepts").isEqualTo(valid);
    }

    static Stream<Arguments> editedValues() {
        return Stream.of(
                Arguments.of(EventType.FINDING, "/data/status", "\"resolved\"", false),
                Arguments.of(EventType.FINDING, "/data/endsAt", "\"2026-11-22T03:40:00Z\"", true),
                Arguments.of(EventType.FINDING, "/data/status", "\"pending\"", false),
                Arguments.of(EventType.FINDING, "/data/ruleId", "\"  \"", false),
                Arguments.of(EventType.FINDING, "/data/startsAt", "\"yesterday\"", false),
                Arguments.of(EventType.FINDING, "/data/chain/type", "\"\"", false),
                Arguments.of(EventType.METRIC_BATCH, "/data/samples", "[]", false),
                Arguments.of(EventType.METRIC_BATCH, "/data/samples/0/value", "\"NaN\"", false),
                Arguments.of(EventType.CHAIN_BLOCK, "/data/reorg/depth", "0", false),
                Arguments.of(EventType.CHAIN_BLOCK, "/data/reorg/depth", "1", true),
                Arguments.of(EventType.CHAIN_BLOCK, "/data/height", "-1", false),
                Arguments.of(EventType.CHAIN_BLOCK, "/data/height", "0", true),
                Arguments.of(EventType.CHAIN_BLOCK, "/data/transactionCount", "-1", false),
                Arguments.of(EventType.ALERT_NOTIFICATION, "/data/attempt", "0", false),
                Arguments.of(EventType.ALERT_NOTIFICATION, "/data/attempt", "1", true),
                Arguments.of(EventType.ALERT_NOTIFICATION, "/data/fingerprints", "[]", false),
                Arguments.of(EventType.ALERT_NOTIFICATION, "/data/failureReason", "\" \"", false),
                Arguments.of(EventType.ALERT_NOTIFICATION, "/data/outcome", "\"sent\"", true),
                Arguments.of(EventType.REPORT_READY, "/data/downloadPath", "\" \"", false),
                Arguments.of(EventType.REPORT_READY, "/data/periodTo", "\"yesterday\"", false),
                Arguments.of(EventType.RULE_SET, "/data/version", "0", false),
                Arguments.of(EventType.RULE_SET, "/data/rules", "null", false),
                Arguments.of(EventType.RULE_SET, "/data/rules", "[]", false),
                Arguments.of(EventType.PROJECT_LIFECYCLE, "/data/replicaCount", "-1", false),
                Arguments.of(EventType.PROJECT_LIFECYCLE, "/data/change", "\"binary_changed\"", true),
                Arguments.of(EventType.REPLICA_LIFECYCLE, "/data/restarts", "-1", false),
                Arguments.of(EventType.HEALTH_REPORT, "/data/firingFindings", "-1", false),
                Arguments.of(EventType.HEALTH_REPORT, "/data/checks/0/detail", "\"\"", true),
                Arguments.of(EventType.HEALTH_REPORT, "/data/trigger", "\"on_demand\"", true),
                Arguments.of(EventType.NODE_LOG_LINE, "/data/lineNumber", "-1", false),
                Arguments.of(EventType.NODE_LOG_LINE, "/data/message", "\"\"", true),
                Arguments.of(EventType.WIRE_INCIDENT, "/data/bytes", "-1", false),
                Arguments.of(EventType.WIRE_INCIDENT, "/data/disposition", "\"honeypot\"", true),
                Arguments.of(EventType.ACTION_EXECUTION, "/data/mode", "\"manual\"", false),
                Arguments.of(EventType.ACTION_EXECUTION, "/data/status", "\"pending_approval\"", true),
                Arguments.of(EventType.AUDIT_ENTRY, "/data/actorType", "\"ci_token\"", true),
                Arguments.of(EventType.HEARTBEAT, "/data/status", "\"\"", false),
                Arguments.of(EventType.HEARTBEAT, "/severity", "\"critical\"", false),
                Arguments.of(EventType.HEARTBEAT, "/specversion", "\"0.3\"", false),
                Arguments.of(EventType.HEARTBEAT, "/time", "\"2026-11-22 03:15:30\"", false),
                Arguments.of(EventType.HEARTBEAT, "/projectid", "\" \"", false),
                Arguments.of(EventType.HEARTBEAT, "/data", "[]", false));
    }

    private boolean codecAccepts(JsonNode event) {
        try {
            codec.read(JsonEdits.bytes(event));
            return true;
        } catch (EventFormatException e) {
            return false;
        }
    }

    private static boolean schemaAccepts(JsonNode event) {
        return EventSchemas.errors(event).isEmpty();
    }
}
