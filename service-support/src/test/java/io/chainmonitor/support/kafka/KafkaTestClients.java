package io.chainmonitor.support.kafka;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.support.KafkaHeaders;

import static org.awaitility.Awaitility.await;

/** Plain Kafka clients that see the bytes on the wire, beside the service under test. */
final class KafkaTestClients {

    private final String bootstrapServers;

    KafkaTestClients(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Sends raw bytes, as a broken or hostile producer would; returns where they landed. */
    RecordMetadata sendRaw(String topic, String key, byte[] value) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** The record at a partition and offset, as bytes with its headers. */
    ConsumerRecord<String, byte[]> read(String topic, int partition, long offset) {
        return awaitRecord(topic, record -> record.partition() == partition && record.offset() == offset);
    }

    /** The dead letter of the record at {@code offset} of {@code topic}'s {@code partition}. */
    ConsumerRecord<String, byte[]> deadLetterOf(String topic, int partition, long offset) {
        return awaitRecord(topic + "-dlt", record -> header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC)
                .map(String::new).filter(topic::equals).isPresent()
                && header(record, KafkaHeaders.DLT_ORIGINAL_PARTITION).map(bytes -> ByteBuffer.wrap(bytes).getInt())
                        .filter(value -> value == partition).isPresent()
                && header(record, KafkaHeaders.DLT_ORIGINAL_OFFSET).map(bytes -> ByteBuffer.wrap(bytes).getLong())
                        .filter(value -> value == offset).isPresent());
    }

    static Optional<byte[]> header(ConsumerRecord<?, ?> record, String name) {
        return Optional.ofNullable(record.headers().lastHeader(name)).map(Header::value);
    }

    private ConsumerRecord<String, byte[]> awaitRecord(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (match.test(record)) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            return found.getFirst();
        }
    }
}
