package io.chainmonitor.standalone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;

import io.chainmonitor.events.Topic;
import io.chainmonitor.support.security.test.JwtTestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the whole platform as a user would, in one JVM with its embedded broker and database, and checks what the
 * foundation promises: every service healthy, every topic as the catalog declares it, events crossing the real
 * broker from one service to another, bad records dead-lettered without stopping the consumer, data surviving a
 * restart and a clean stop.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandalonePlatformIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String MARKER = "not-an-event-" + UUID.randomUUID();
    private static Path dataDirectory;
    private static ConfigurableApplicationContext launcher;
    private static StandalonePlatform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        dataDirectory = Files.createTempDirectory(Path.of("target"), "standalone-it-");
        launcher = start();
        platform = launcher.getBean(StandalonePlatform.class);
    }

    @AfterAll
    static void stopPlatform() {
        if (launcher != null) {
            launcher.close();
        }
    }

    private static ConfigurableApplicationContext start() {
        return StandaloneApplication.builder()
                .properties(Map.of(
                        "chain-monitor.standalone.data-directory", dataDirectory.toString(),
                        "chain-monitor.standalone.postgres-port", 0,
                        "chain-monitor.standalone.kafka-port", 0,
                        "chain-monitor.standalone.dashboard-port", 0,
                        "chain-monitor.standalone.service-port-base", 0))
                .run();
    }

    @Test
    @Order(1)
    void everyServiceReportsUpOnItsManagementPortOnly() throws Exception {
        Map<Service, RunningService> services = platform.services();
        assertThat(services.keySet()).containsExactlyInAnyOrder(Service.values());
        HealthProbe probe = new HealthProbe("127.0.0.1");
        HttpClient http = HttpClient.newHttpClient();
        for (RunningService service : services.values()) {
            assertThat(probe.status(service)).as(service.service().serviceName()).isEqualTo("UP");
            assertThat(service.managementPort()).isNotEqualTo(service.port());
            HttpResponse<String> onMainPort = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + service.port() + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(onMainPort.statusCode()).as("actuator on the main port of " + service.service())
                    .isIn(401, 403, 404);
        }
        assertThat(platform.timeToHealthy()).isPositive();
    }

    @Test
    @Order(2)
    void everyCatalogTopicAndItsDeadLetterTopicExistWithTheDeclaredSettings() throws Exception {
        try (Admin admin = admin()) {
            List<String> names = new ArrayList<>();
            for (Topic topic : Topic.values()) {
                names.add(topic.topicName());
                names.add(topic.deadLetterTopicName());
            }
            Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                    .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList())
                    .all().get(30, TimeUnit.SECONDS);
            for (Topic topic : Topic.values()) {
                assertThat(descriptions.get(topic.topicName()).partitions()).as(topic.topicName())
                        .hasSize(topic.partitions());
                Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.topicName()));
                assertThat(config.get("cleanup.policy").value()).as(topic.topicName())
                        .isEqualTo(topic.cleanup().policy());
                topic.retention().ifPresent(retention -> assertThat(config.get("retention.ms").value())
                        .as(topic.topicName()).isEqualTo(Long.toString(retention.toMillis())));
                assertThat(descriptions.get(topic.deadLetterTopicName()).partitions()).as(topic.deadLetterTopicName())
                        .hasSizeGreaterThanOrEqualTo(topic.partitions());
                Config dlt = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.deadLetterTopicName()));
                assertThat(dlt.get("retention.ms").value())
                        .isEqualTo(Long.toString(Topic.DEAD_LETTER_RETENTION.toMillis()));
            }
        }
    }

    @Test
    @Order(3)
    void everyServiceHasMigratedItsOwnSchema() throws Exception {
        Set<String> schemas = Set.of("spawner", "chain_watcher", "wire_listener", "health", "reporter", "alerts",
                "action", "dashboard");
        for (String schema : schemas) {
            assertThat(query("SELECT version FROM " + schema + ".flyway_schema_history WHERE success"))
                    .as(schema).contains("1");
            assertThat(query("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema + "'"))
                    .as(schema).contains("processed_event");
        }
        assertThat(query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'health'"))
                .contains("service_heartbeat");
    }

    @Test
    @Order(3)
    void heartbeatsOfEveryServiceCrossTheBrokerToTheHealthService() {
        Set<String> expected = new HashSet<>(Arrays.stream(Service.values()).map(Service::serviceName).toList());
        await().atMost(WAIT).untilAsserted(() -> assertThat(heartbeatServices()).containsAll(expected));
    }

    @Test
    @Order(4)
    void theServicesApiNeedsATokenSignedWithThePlatformsKey() throws Exception {
        RunningService health = platform.services().get(Service.HEALTH);
        URI uri = URI.create("http://127.0.0.1:" + health.port() + "/api/v1/platform/services");
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        String forged = JwtTestTokens.hmac().token();
        assertThat(http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + forged).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

        String key = Files.readString(dataDirectory.resolve("secrets/token-signing.key")).trim();
        HttpResponse<String> signed = http.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + JwtTestTokens.hmac(key).token()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signed.statusCode()).isEqualTo(200);
        for (Service service : Service.values()) {
            assertThat(signed.body()).contains("\"service\":\"" + service.serviceName() + "\"");
        }
        assertThat(signed.body()).contains("\"alive\":true").doesNotContain("\"alive\":false");
    }

    @Test
    @Order(5)
    void aBadRecordGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topic.HEARTBEATS.topicName(), "platform",
                    MARKER.getBytes(StandardCharsets.UTF_8))).get(10, TimeUnit.SECONDS);
        }
        awaitDeadLetter(MARKER);
        // The health-service's consumer is still recording heartbeats after the poison record.
        long before = latestHeartbeatMillis();
        await().atMost(WAIT).until(() -> latestHeartbeatMillis() > before);
    }

    @Test
    @Order(6)
    void dataSurvivesARestartOnTheSameDirectoryAndStopLeavesNoProcess() throws Exception {
        Set<String> instancesBefore = heartbeatInstances();
        Collection<ProcessHandle> childrenBefore = ProcessHandle.current().descendants().toList();
        assertThat(childrenBefore).as("the PostgreSQL server runs as a child process").isNotEmpty();

        launcher.close();
        await().atMost(WAIT).until(() -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));

        launcher = start();
        platform = launcher.getBean(StandalonePlatform.class);
        assertThat(heartbeatInstances()).containsAll(instancesBefore);
        awaitDeadLetter(MARKER);
        await().atMost(WAIT).until(() -> heartbeatInstances().size() > instancesBefore.size());
    }

    private static void awaitDeadLetter(String value) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topic.HEARTBEATS.deadLetterTopicName()));
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (new String(record.value(), StandardCharsets.UTF_8).equals(value)) {
                        return true;
                    }
                }
                return false;
            });
        }
    }

    private static Set<String> heartbeatServices() throws Exception {
        return query("SELECT DISTINCT service FROM health.service_heartbeat");
    }

    private static Set<String> heartbeatInstances() throws Exception {
        return query("SELECT service || '/' || instance_id FROM health.service_heartbeat");
    }

    private static long latestHeartbeatMillis() throws Exception {
        String latest = query("SELECT (extract(epoch FROM max(last_seen_at)) * 1000)::bigint::text"
                + " FROM health.service_heartbeat").iterator().next();
        return Long.parseLong(latest);
    }

    private static Set<String> query(String sql) throws Exception {
        var postgres = platform.postgres();
        try (Connection connection = DriverManager.getConnection(platform.jdbcUrl(), postgres.username(),
                postgres.password()); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            Set<String> values = new HashSet<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()));
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "standalone-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer());
    }
}
