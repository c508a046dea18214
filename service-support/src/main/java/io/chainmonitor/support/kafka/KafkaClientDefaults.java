package io.chainmonitor.support.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.EventCodec;

/**
 * The platform's Kafka client settings: keys are project ids, values are envelopes; producers are idempotent and
 * wait for all in-sync replicas; consumers commit only what they have processed.
 */
final class KafkaClientDefaults {

    private KafkaClientDefaults() {
    }

    /**
     * Values are envelopes, or the original bytes of a record that could not be read when it goes to its
     * dead-letter topic.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static DefaultKafkaProducerFactoryCustomizer producer(EventCodec codec) {
        return factory -> {
            factory.updateConfigs(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                    true));
            DefaultKafkaProducerFactory raw = factory;
            raw.setKeySerializerSupplier(StringSerializer::new);
            raw.setValueSerializerSupplier(() -> valueSerializer(codec));
        };
    }

    /**
     * The group defaults to the application's name and a new group starts from the earliest record, so that no event
     * published before a service first started is missed.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static DefaultKafkaConsumerFactoryCustomizer consumer(EventCodec codec, String applicationName) {
        return factory -> {
            Map<String, Object> configs = factory.getConfigurationProperties();
            Map<String, Object> updates = new HashMap<>();
            updates.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            if (!configs.containsKey(ConsumerConfig.GROUP_ID_CONFIG) && applicationName != null) {
                updates.put(ConsumerConfig.GROUP_ID_CONFIG, applicationName);
            }
            if (!configs.containsKey(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)) {
                updates.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            }
            factory.updateConfigs(updates);
            DefaultKafkaConsumerFactory raw = factory;
            raw.setKeyDeserializerSupplier(StringDeserializer::new);
            raw.setValueDeserializerSupplier(() -> valueDeserializer(codec));
        };
    }

    static Serializer<Object> valueSerializer(EventCodec codec) {
        return new DelegatingByTypeSerializer(
                Map.of(Envelope.class, new EnvelopeSerializer(codec), byte[].class, new ByteArraySerializer()));
    }

    /** A record that is not a valid event becomes a failed record for the error handler, never a stuck consumer. */
    static Deserializer<Envelope<?>> valueDeserializer(EventCodec codec) {
        return new ErrorHandlingDeserializer<>(new EnvelopeDeserializer(codec));
    }
}
