package io.chainmonitor.chainwatcher.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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

import io.chainmonitor.chainwatcher.ChainWatcherApplication;
import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.EventCodec;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.Topic;
import io.chainmonitor.events.chain.ChainBlock;
import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.events.project.ReplicaLifecycle;
import io.chainmonitor.support.embedded.test.BuildDirectory;
import io.chainmonitor.support.embedded.test.EmbeddedInfrastructure;
import io.chainmonitor.support.kafka.EventPublisher;
import io.chainmonitor.support.security.test.JwtTestTokens;

import static org.awaitility.Awaitility.await;

/**
 * One watcher context for the ITs, on the embedded broker and database, with fast status samples and short backoffs;
 * helpers that announce replicas as the spawner does and read what the watcher published with a plain consumer.
 */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(classes = ChainWatcherApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + ChainWatcherApplication.NAME, "management.server.port=0",
        "chain-monitor.security.jwt.hmac-secret=" + JwtTestTokens.DEFAULT_HMAC_SECRET,
        "chain-monitor.security.node-rpc-secret=" + WatcherITSupport.NODE_RPC_SECRET})
abstract class WatcherITSupport {

    static final String NODE_RPC_SECRET = "watcher-it-node-rpc-secret-0123456789";
    static final Duration WAIT = Duration.ofSeconds(90);
    static final EventCodec CODEC = new EventCodec();

    @Autowired
    EventPublisher publisher;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.registerProperties(registry);
        fastSettings().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** Settings that let a test see failures and recoveries within seconds. */
    static Map<String, String> fastSettings() {
        return Map.of("chain-monitor.chain-watcher.status-interval", "500ms",
                "chain-monitor.chain-watcher.poll-interval", "200ms",
                "chain-monitor.chain-watcher.request-timeout", "2s",
                "chain-monitor.chain-watcher.initial-backoff", "100ms",
                "chain-monitor.chain-watcher.max-backoff", "1s",
                "chain-monitor.chain-watcher.large-transaction-thresholds.anvil", "2.5");
    }

    static Path newDirectory(String prefix) {
        return BuildDirectory.newTempDirectory(prefix);
    }

    static String newProjectId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Announces a running replica on cm.projects.v1, as the spawner's supervisor does. */
    static void announce(EventPublisher publisher, String projectId, String replicaId, String chainType,
            ReplicaLifecycle.State state, String rpcUrl, String wsUrl) throws Exception {
        ReplicaLifecycle event = new ReplicaLifecycle(projectId, replicaId, state, chainType, "local", "process",
                rpcUrl == null ? null : new ReplicaLifecycle.Endpoints(rpcUrl, wsUrl, null, null, null, null), null,
                null, 0);
        publisher.publish(Envelope.of("/spawner-service/supervision", "projects/" + projectId + "/replicas/"
                + replicaId, projectId, Severity.LOW, event)).get(30, TimeUnit.SECONDS);
    }

    void announce(String projectId, String replicaId, String chainType, String rpcUrl, String wsUrl)
            throws Exception {
        announce(publisher, projectId, replicaId, chainType, ReplicaLifecycle.State.RUNNING, rpcUrl, wsUrl);
    }

    /** Reads {@code topic} from its start until the events of {@code projectId} satisfy {@code done}. */
    static List<Envelope<?>> awaitEvents(Topic topic, String projectId, Predicate<List<Envelope<?>>> done) {
        return awaitEvents(topic.topicName(), projectId, done);
    }

    /** The same for a topic by name, e.g. a dead-letter topic. */
    static List<Envelope<?>> awaitEvents(String topic, String projectId, Predicate<List<Envelope<?>>> done) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedInfrastructure.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
                "it-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<Envelope<?>> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(WAIT).until(() -> {
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

    static List<ChainBlock> blocks(List<Envelope<?>> events, String replicaId) {
        return events.stream().map(Envelope::data).filter(ChainBlock.class::isInstance).map(ChainBlock.class::cast)
                .filter(block -> block.replicaId().equals(replicaId)).toList();
    }

    static List<MetricBatch> blockBatches(List<Envelope<?>> events, String replicaId) {
        return events.stream().map(Envelope::data).filter(MetricBatch.class::isInstance)
                .map(MetricBatch.class::cast)
                .filter(batch -> batch.replicaId().equals(replicaId) && batch.blockHash() != null).toList();
    }

    static double value(MetricBatch batch, String metric) {
        return batch.samples().stream().filter(sample -> sample.metric().equals(metric)).findFirst()
                .orElseThrow(() -> new AssertionError(metric + " missing from " + batch.samples())).value();
    }
}
