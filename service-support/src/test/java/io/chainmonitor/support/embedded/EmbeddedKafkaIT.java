package io.chainmonitor.support.embedded;

import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.chainmonitor.support.embedded.test.BuildTempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

class EmbeddedKafkaIT {

    @BuildTempDir
    static Path brokerDirectory;

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(brokerDirectory, 0);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void anAdminClientCreatesATopicOnTheBroker() throws Exception {
        try (Admin admin = admin(kafka)) {
            admin.createTopics(List.of(new NewTopic("cm.it.created.v1", 3, (short) 1))).all().get();

            assertThat(admin.listTopics().names().get()).contains("cm.it.created.v1");
            assertThat(admin.describeTopics(List.of("cm.it.created.v1"))
                    .allTopicNames()
                    .get()
                    .get("cm.it.created.v1")
                    .partitions()).hasSize(3);
        }
    }

    @Test
    void aProducedRecordIsConsumed() throws Exception {
        createTopic(kafka, "cm.it.roundtrip.v1");

        produce(kafka, "cm.it.roundtrip.v1", "project-7", "{\"severity\":\"high\"}");

        assertThat(consumeAll(kafka, "cm.it.roundtrip.v1", 1)).extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(tuple("project-7", "{\"severity\":\"high\"}"));
    }

    @Test
    void runsAsOneNodeThatCreatesNoTopicOnItsOwn() throws Exception {
        try (Admin admin = admin(kafka)) {
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
            Config config = admin.describeConfigs(List.of(broker)).all().get().get(broker);

            assertThat(config.get("auto.create.topics.enable").value()).isEqualTo("false");
            assertThat(config.get("offsets.topic.replication.factor").value()).isEqualTo("1");
            assertThat(config.get("transaction.state.log.min.isr").value()).isEqualTo("1");
            assertThat(config.get("group.initial.rebalance.delay.ms").value()).isEqualTo("0");
            assertThat(config.get("process.roles").value()).isEqualTo("broker,controller");
        }
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
        try (Admin admin = admin(kafka)) {
            assertThat(admin.describeCluster().nodes().get()).extracting(Node::id, Node::host)
                    .containsExactly(tuple(1, "127.0.0.1"));
        }
        int port = Integer.parseInt(kafka.bootstrapServers().substring("127.0.0.1:".length()));
        LoopbackOnly.assertServedOnLoopbackOnly(port);
        LoopbackOnly.assertServedOnLoopbackOnly(kafka.controllerPort());
    }

    @Test
    void aRecordSurvivesCloseAndRestartOnTheSameDirectoryWithTheSameClusterId(@BuildTempDir Path directory)
            throws Exception {
        String clusterId;
        try (EmbeddedKafka first = EmbeddedKafka.start(directory, 0)) {
            createTopic(first, "cm.it.durable.v1");
            produce(first, "cm.it.durable.v1", "project-1", "finding before restart");
            try (Admin admin = admin(first)) {
                clusterId = admin.describeCluster().clusterId().get();
            }
            assertThat(first.clusterId()).isEqualTo(clusterId);
        }

        try (EmbeddedKafka restarted = EmbeddedKafka.start(directory, 0)) {
            try (Admin admin = admin(restarted)) {
                assertThat(admin.describeCluster().clusterId().get()).isEqualTo(clusterId);
            }
            assertThat(restarted.clusterId()).isEqualTo(clusterId);
            assertThat(consumeAll(restarted, "cm.it.durable.v1", 1)).extracting(ConsumerRecord::value)
                    .containsExactly("finding before restart");
        }
    }

    @Test
    void aTakenPortFailsTheStartWithAClearError(@BuildTempDir Path directory) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> EmbeddedKafka.start(directory, taken.getLocalPort()))
                    .isInstanceOfSatisfying(EmbeddedRuntimeException.class,
                            e -> assertThat(e.reason()).isEqualTo(EmbeddedRuntimeException.Reason.START_FAILED))
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasRootCauseInstanceOf(BindException.class);
        }
    }

    private static Admin admin(EmbeddedKafka broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static void createTopic(EmbeddedKafka broker, String topic) throws Exception {
        try (Admin admin = admin(broker)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    private static void produce(EmbeddedKafka broker, String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static List<ConsumerRecord<String, String>> consumeAll(EmbeddedKafka broker, String topic, int expected) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(Set.of(topic));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                        return records.size() >= expected;
                    });
        }
        return records;
    }
}
