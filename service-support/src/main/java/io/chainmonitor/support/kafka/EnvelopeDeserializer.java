package io.chainmonitor.support.kafka;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.EventCodec;
import io.chainmonitor.events.EventFormatException;
import io.chainmonitor.events.Topic;

/**
 * Reads an envelope from CloudEvents structured JSON; the payload class comes from the {@code type} attribute. On a
 * topic of the catalog the event's type must belong there. Bytes that are not a valid event throw
 * {@link EventFormatException}, which the consumer's error-handling deserializer turns into a dead letter.
 */
public final class EnvelopeDeserializer implements Deserializer<Envelope<?>> {

    private final EventCodec codec;

    public EnvelopeDeserializer() {
        this(new EventCodec());
    }

    public EnvelopeDeserializer(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public Envelope<?> deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        return Topic.byName(topic).<Envelope<?>>map(known -> codec.read(data, known))
                .orElseGet(() -> codec.read(data));
    }

    @Override
    public Envelope<?> deserialize(String topic, Headers headers, byte[] data) {
        return deserialize(topic, data);
    }
}
