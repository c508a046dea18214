package io.chainmonitor.support.kafka;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.EventCodec;
import io.chainmonitor.events.Topic;
import io.chainmonitor.events.audit.AuditEntry;
import io.chainmonitor.events.heartbeat.Heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class KafkaEnvelopeIT extends KafkaTestBase {

    @Autowired
    private EventPublisher publisher;
    @Autowired
    private TestKafkaApplication.AuditListener audits;
    @Autowired
    private TestKafkaApplication.HeartbeatListener heartbeats;

    @Test
    void everyCatalogTopicAndItsDeadLetterTopicExistWithTheCatalogsSettings() throws Exception {
        List<String> names = Arrays.stream(Topic.values())
                .flatMap(topic -> Stream.of(topic.topicName(), topic.deadLetterTopicName())).toList();
        try (Admin admin = clients().admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get();
            Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all().get();

            for (Topic topic : Topic.values()) {
                assertThat(topics.get(topic.topicName()).partitions()).hasSize(topic.partitions());
                assertThat(topics.get(topic.deadLetterTopicName()).partitions()).hasSize(topic.partitions());
                Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.topicName()));
                assertThat(config.get("cleanup.policy").value()).isEqualTo(topic.cleanup().policy());
                topic.retention().ifPresent(retention -> assertThat(config.get("retention.ms").value())
                        .isEqualTo(String.valueOf(retention.toMillis())));
                Config dlt = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.deadLetterTopicName()));
                assertThat(dlt.get("cleanup.policy").value()).isEqualTo("delete");
                assertThat(dlt.get("retention.ms").value())
                        .isEqualTo(String.valueOf(Topic.DEAD_LETTER_RETENTION.toMillis()));
                assertThat(dlt.get("min.insync.replicas").value()).isEqualTo("1");
            }
        }
    }

    @Test
    void aPublishedEnvelopeReachesAListenerAsAnEnvelope() throws Exception {
        Envelope<AuditEntry> sent = TestEvents.audit("create-" + UUID.randomUUID());

        publisher.publish(sent).get();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(audits.received).contains(sent));
    }

    @Test
    void anEnvelopeTravelsAsCloudEventsJsonKeyedByProjectWithoutTypeHeaders() throws Exception {
        Envelope<AuditEntry> sent = TestEvents.audit("update-" + UUID.randomUUID());

        RecordMetadata metadata = publisher.publish(sent).get();

        ConsumerRecord<String, byte[]> record = clients().read(metadata.topic(), metadata.partition(),
                metadata.offset());
        assertThat(metadata.topic()).isEqualTo("cm.audit.v1");
        assertThat(record.key()).isEqualTo(TestEvents.PROJECT);
        assertThat(record.headers().toArray()).isEmpty();
        assertThat(new EventCodec().read(record.value())).isEqualTo(sent);
    }

    @Test
    void theServicesHeartbeatArrivesOnTheHeartbeatTopic() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(heartbeats.received).isNotEmpty());

        Envelope<?> heartbeat = heartbeats.received.getFirst();
        assertThat(heartbeat.source()).isEqualTo("/kafka-test-service/heartbeat");
        assertThat(heartbeat.projectid()).isEqualTo("platform");
        assertThat(heartbeat.data()).isInstanceOfSatisfying(Heartbeat.class, data -> {
            assertThat(data.service()).isEqualTo("kafka-test-service");
            assertThat(data.status()).isEqualTo("up");
        });
    }

    @Test
    void heartbeatsKeepComingAtTheConfiguredInterval() {
        int seen = heartbeats.received.size();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(heartbeats.received)
                .hasSizeGreaterThanOrEqualTo(seen + 2));
    }
}
