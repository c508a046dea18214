package io.chainmonitor.standalone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.events.Topic;
import io.chainmonitor.standalone.demo.DemoDriver;
import io.chainmonitor.support.embedded.test.TestBinaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's first command with the demo on: the platform creates the demo project through its own public API,
 * uploads the real anvil, deploys two replicas mined alike, and its staged fork and wire probe reach the findings and
 * incidents a newcomer is meant to see.
 */
class StandaloneDemoIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final String KEEP_REPLICAS = "chain-monitor.spawner.runtime.keep-replicas-on-shutdown";
    private static ConfigurableApplicationContext launcher;
    private static StandalonePlatform platform;

    @BeforeAll
    static void startPlatformWithTheDemo() throws Exception {
        Path dataDirectory = Files.createTempDirectory(Path.of("target"), "standalone-demo-it-");
        Map<String, Object> settings = new HashMap<>();
        settings.put("chain-monitor.standalone.data-directory", dataDirectory.toString());
        settings.put("chain-monitor.standalone.postgres-port", 0);
        settings.put("chain-monitor.standalone.kafka-port", 0);
        settings.put("chain-monitor.standalone.dashboard-port", 0);
        settings.put("chain-monitor.standalone.service-port-base", 0);
        settings.put("chain-monitor.standalone.demo.enabled", true);
        settings.put("chain-monitor.standalone.demo.anvil", TestBinaries.required("chain-monitor.test.anvil"));
        settings.put("chain-monitor.standalone.demo.block-interval", "1s");
        settings.put("chain-monitor.standalone.demo.scenario-every", 40);
        settings.put("chain-monitor.standalone.demo.probe-at", 2);
        settings.put("chain-monitor.standalone.demo.fork-at", 6);
        settings.put("chain-monitor.standalone.demo.fork-depth", 2);
        settings.put("chain-monitor.standalone.demo.fork-hold", 5);
        // Each service reads its own configuration; a system property reaches the spawner in this JVM, so that the
        // demo's replicas stop with the platform instead of outliving the test.
        System.setProperty(KEEP_REPLICAS, "false");
        launcher = StandaloneApplication.builder().properties(settings).run();
        platform = launcher.getBean(StandalonePlatform.class);
    }

    @AfterAll
    static void stopPlatform() {
        try {
            if (launcher != null) {
                launcher.close();
            }
        } finally {
            System.clearProperty(KEEP_REPLICAS);
        }
    }

    @Test
    void theDemoProjectRunsTwoLockstepReplicasAndItsStagedForkAndProbeBecomeFindingsAndIncidents() {
        DemoDriver demo = launcher.getBean(DemoDriver.class);
        List<JsonNode> blocks = new ArrayList<>();
        List<JsonNode> findings = new ArrayList<>();
        List<JsonNode> incidents = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(Topic.CHAIN_BLOCKS.topicName(), Topic.FINDINGS.topicName(),
                    Topic.WIRE_INCIDENTS.topicName()));
            await().atMost(WAIT).pollDelay(Duration.ZERO).untilAsserted(() -> {
                assertThat(demo.status()).doesNotStartWith("failed");
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode event = JSON.readTree(record.value());
                    if (record.topic().equals(Topic.CHAIN_BLOCKS.topicName())) {
                        blocks.add(event.get("data"));
                    } else if (record.topic().equals(Topic.FINDINGS.topicName())) {
                        findings.add(event.get("data"));
                    } else {
                        incidents.add(event.get("data"));
                    }
                }
                assertThat(findings).as("the staged fork is a reorg finding on the forked replica")
                        .anySatisfy(finding -> {
                            assertThat(finding.get("ruleId").asString()).isEqualTo("pos.reorg");
                            assertThat(finding.get("replicaId").asString()).isEqualTo("r-1");
                        });
                assertThat(incidents).as("the probe on the public port is an unlock attempt")
                        .anySatisfy(incident -> {
                            assertThat(incident.get("method").asString()).isEqualTo("personal_unlockAccount");
                            assertThat(incident.get("replicaId").asString()).isEqualTo("r-1");
                        });
            });
        }
        // Before the fork, both replicas hold the same block at every height: they are copies of one chain.
        Map<Long, String> first = new HashMap<>();
        int compared = 0;
        for (JsonNode block : blocks) {
            if (block.get("replicaId").asString().equals("r-1") && block.get("height").asLong() <= 4) {
                first.put(block.get("height").asLong(), block.get("hash").asString());
            }
        }
        for (JsonNode block : blocks) {
            String hash = first.get(block.get("height").asLong());
            if (block.get("replicaId").asString().equals("r-2") && hash != null) {
                assertThat(block.get("hash").asString()).isEqualTo(hash);
                compared++;
            }
        }
        assertThat(compared).isPositive();
        assertThat(demo.status()).startsWith("running");
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "demo-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer());
    }
}
