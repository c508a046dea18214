package io.chainmonitor.support.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.EventCodec;
import io.chainmonitor.events.EventFormatException;
import io.chainmonitor.events.EventFormatException.Reason;
import io.chainmonitor.events.Topic;
import io.chainmonitor.events.audit.AuditEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopeSerdeTest {

    private final EventCodec codec = new EventCodec();
    private final EnvelopeSerializer serializer = new EnvelopeSerializer(codec);
    private final EnvelopeDeserializer deserializer = new EnvelopeDeserializer(codec);

    @Test
    void anEnvelopeSurvivesTheRoundTripThroughKafkaBytes() {
        Envelope<AuditEntry> sent = TestEvents.audit("create");
        String topic = Topic.AUDIT.topicName();

        Envelope<?> received = deserializer.deserialize(topic, new RecordHeaders(), serializer.serialize(topic, sent));

        assertThat(received).isEqualTo(sent);
    }

    @Test
    void theSerializerWritesNoHeaderAndNoClassName() {
        RecordHeaders headers = new RecordHeaders();

        byte[] json = serializer.serialize(Topic.AUDIT.topicName(), headers, TestEvents.audit("create"));

        assertThat(headers.toArray()).isEmpty();
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"type\":\"io.chainmonitor.audit.v1\"")
                .doesNotContain("io.chainmonitor.events", "AuditEntry", "@class");
    }

    @Test
    void theProducersValueSerializerWritesEnvelopesAndPassesDeadLetterBytesThrough() {
        Serializer<Object> values = KafkaClientDefaults.valueSerializer(codec);
        byte[] original = "not an event".getBytes(StandardCharsets.UTF_8);

        Envelope<AuditEntry> envelope = TestEvents.audit("create");

        assertThat(values.serialize("cm.audit.v1-dlt", original)).isEqualTo(original);
        assertThat(values.serialize("cm.audit.v1", envelope)).isEqualTo(codec.write(envelope));
    }

    @Test
    void bytesThatAreNotJsonFailAsNotJson() {
        byte[] garbage = {(byte) 0xC3, 0x28, 0x00, '{'};

        assertThatThrownBy(() -> deserializer.deserialize(Topic.AUDIT.topicName(), garbage))
                .isInstanceOfSatisfying(EventFormatException.class, e -> assertThat(e.reason()).isEqualTo(
                        Reason.NOT_JSON));
    }

    @Test
    void anEventOnAnotherTopicThanItsTypesFailsAsWrongTopic() {
        byte[] heartbeat = serializer.serialize(Topic.HEARTBEATS.topicName(), TestEvents.heartbeat());

        assertThatThrownBy(() -> deserializer.deserialize(Topic.AUDIT.topicName(), heartbeat))
                .isInstanceOfSatisfying(EventFormatException.class, e -> assertThat(e.reason()).isEqualTo(
                        Reason.WRONG_TOPIC));
    }

    @Test
    void aTopicOutsideTheCatalogAcceptsAnyEventType() {
        Envelope<?> heartbeat = TestEvents.heartbeat();

        assertThat(deserializer.deserialize("test.topic", serializer.serialize("test.topic", heartbeat)))
                .isEqualTo(heartbeat);
    }

    @Test
    void aNullRecordValueStaysNull() {
        assertThat(deserializer.deserialize(Topic.AUDIT.topicName(), null)).isNull();
        assertThat(serializer.serialize(Topic.AUDIT.topicName(), null)).isNull();
    }

    @Test
    void theConsumersDeserializerTurnsGarbageIntoAFailedRecordThatKeepsItsBytesAndReason() {
        Deserializer<Envelope<?>> values = KafkaClientDefaults.valueDeserializer(codec);
        byte[] original = TestEvents.auditWithoutActor().getBytes(StandardCharsets.UTF_8);
        RecordHeaders headers = new RecordHeaders();

        Envelope<?> value = values.deserialize(Topic.AUDIT.topicName(), headers, original);

        assertThat(value).isNull();
        ConsumerRecord<String, Envelope<?>> record = new ConsumerRecord<>(Topic.AUDIT.topicName(), 0, 0, "key",
                null);
        headers.forEach(header -> record.headers().add(header));
        DeserializationException failure = SerializationUtils.getExceptionFromHeader(record,
                KafkaUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, new LogAccessor(getClass()));
        assertThat(failure).isNotNull();
        assertThat(failure.getData()).isEqualTo(original);
        assertThat(FailureReason.of(failure).label()).isEqualTo("invalid_data");
        assertThat(FailureReason.of(failure).detail()).contains("actor is required");
    }
}
