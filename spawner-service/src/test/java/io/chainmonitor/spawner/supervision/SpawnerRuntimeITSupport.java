package io.chainmonitor.spawner.supervision;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.EventCodec;
import io.chainmonitor.events.Topic;
import io.chainmonitor.spawner.SpawnerApplication;
import io.chainmonitor.spawner.SpawnerIT;
import io.chainmonitor.spawner.runtime.ReplicaRuntimes;
import io.chainmonitor.support.embedded.test.BuildDirectory;
import io.chainmonitor.support.embedded.test.EmbeddedInfrastructure;
import io.chainmonitor.support.security.test.JwtTestTokens;

import static org.awaitility.Awaitility.await;

/**
 * One spawner context for every runtime IT, on the embedded broker and database, with short backoffs and a fast
 * telemetry interval; helpers to read what it published on the real broker.
 */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(classes = SpawnerApplication.class, properties = {
        "spring.config.name=" + SpawnerApplication.NAME,
        "server.port=0",
        "management.server.port=0",
        "chain-monitor.security.jwt.hmac-secret=" + JwtTestTokens.DEFAULT_HMAC_SECRET,
        "chain-monitor.security.node-rpc-secret=" + SpawnerIT.NODE_RPC_SECRET,
        // A test run leaves no node behind when its cached contexts close.
        "chain-monitor.spawner.runtime.keep-replicas-on-shutdown=false",
        "chain-monitor.spawner.runtime.stop-grace-period=10s",
        "chain-monitor.spawner.supervision.initial-backoff=200ms",
        "chain-monitor.spawner.supervision.max-backoff=1s",
        "chain-monitor.spawner.supervision.stable-after=30s",
        "chain-monitor.spawner.supervision.crash-loop-crashes=5",
        "chain-monitor.spawner.supervision.crash-loop-window=1m",
        "chain-monitor.spawner.telemetry.interval=1s"})
abstract class SpawnerRuntimeITSupport {

    static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path REPLICAS = BuildDirectory.newTempDirectory("replicas-");
    private static final EventCodec CODEC = new EventCodec();

    @Autowired
    ReplicaSupervisor supervisor;

    @Autowired
    ReplicaRuntimes runtimes;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.registerProperties(registry);
        registry.add("chain-monitor.spawner.runtime.data-directory", REPLICAS::toString);
    }

    static String newProjectId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Reads {@code topic} from its start until the events of {@code projectId} satisfy {@code done}. */
    static List<Envelope<?>> awaitEvents(Topic topic, String projectId, Duration atMost,
            Predicate<List<Envelope<?>>> done) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedInfrastructure.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
                "it-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<Envelope<?>> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.topicName()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(atMost).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (projectId.equals(record.key())) {
                        events.add(CODEC.read(record.value()));
                    }
                });
                return done.test(events);
            });
        }
        return events;
    }
}
