package io.chainmonitor.events;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import io.chainmonitor.events.fixtures.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/** The golden fixtures pin the wire format: reading and writing one gives it back unchanged. */
class FixtureRoundTripTest {

    private final EventCodec codec = new EventCodec();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyFixtureRoundTripsToIdenticalJson(EventType type) {
        byte[] fixture = Fixtures.bytes(type);

        byte[] written = codec.write(codec.read(fixture));

        assertThat(tree(written)).isEqualTo(tree(fixture));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyFixtureHasTheKeyOrderAndNumberFormsTheCodecWrites(EventType type) {
        byte[] fixture = Fixtures.bytes(type);

        String written = new String(codec.write(codec.read(fixture)), StandardCharsets.UTF_8);

        // Compact re-serialization keeps the fixture's member order; tree equality alone would not see it.
        assertThat(written).isEqualTo(JsonEdits.MAPPER.writeValueAsString(tree(fixture)));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyFixtureCarriesItsTypesPayloadOnItsTypesTopic(EventType type) {
        Envelope<?> envelope = codec.read(Fixtures.bytes(type), type.topic());

        assertThat(envelope.type()).isEqualTo(type.type());
        assertThat(envelope.data()).isInstanceOf(type.payloadType());
        assertThat(envelope.data().eventType()).isEqualTo(type);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyFixtureIdIsAUuid7FromTheEventsOwnMillisecond(EventType type) {
        Envelope<?> envelope = Fixtures.envelope(type);

        assertThat(envelope.uuid().version()).isEqualTo(7);
        assertThat(Uuid7.timestampMillis(envelope.uuid())).isEqualTo(envelope.time().toEpochMilli());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyFixtureIsTheCodecsOutputPrettyPrinted(EventType type) {
        String written = JsonEdits.pretty(tree(codec.write(codec.read(Fixtures.bytes(type)))));

        assertThat(Fixtures.json(type)).isEqualTo(written);
    }

    private static JsonNode tree(byte[] json) {
        return JsonEdits.MAPPER.readTree(json);
    }
}
