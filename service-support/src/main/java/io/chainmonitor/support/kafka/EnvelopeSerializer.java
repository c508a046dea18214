package io.chainmonitor.support.kafka;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.EventCodec;

/**
 * Writes an envelope as CloudEvents structured JSON. It adds no header: the payload type travels in the envelope's
 * {@code type} attribute, never as a class name.
 */
public final class EnvelopeSerializer implements Serializer<Envelope<?>> {

    private final EventCodec codec;

    public EnvelopeSerializer() {
        this(new EventCodec());
    }

    public EnvelopeSerializer(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public byte[] serialize(String topic, Envelope<?> envelope) {
        return envelope == null ? null : codec.write(envelope);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, Envelope<?> envelope) {
        return serialize(topic, envelope);
    }
}
