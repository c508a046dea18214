package io.chainmonitor.standalone;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
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
import io.chainmonitor.support.security.ServiceTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's first command with the demo on: the platform creates the demo project through its own public API,
 * uploads the real anvil, deploys two replicas mined alike, and its staged fork and wire probe reach the findings and
 * incidents a newcomer is meant to see. It is also issue 12's credential-theft scenario: the unlock and spend probes
 * on the public port are refused, recorded with their source in human-readable incidents, and the finding reaches
 * the security team's Slack (a local receiver, Slack itself cannot run here).
 */
class StandaloneDemoIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final String KEEP_REPLICAS = "chain-monitor.spawner.runtime.keep-replicas-on-shutdown";
    private static final String OUTBOUND_ALLOW = "chain-monitor.alerts.outbound.allow";
    private static final List<String> slackMessages = new CopyOnWriteArrayList<>();
    private static HttpServer slack;
    private static Path dataDirectory;
    private static ConfigurableApplicationContext launcher;
    private static StandalonePlatform platform;

    @BeforeAll
    static void startPlatformWithTheDemo() throws Exception {
        dataDirectory = Files.createTempDirectory(Path.of("target"), "standalone-demo-it-");
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
        // Late enough in the cycle for the test to set up the project's alerting before the probe.
        settings.put("chain-monitor.standalone.demo.probe-at", 12);
        settings.put("chain-monitor.standalone.demo.fork-at", 6);
        settings.put("chain-monitor.standalone.demo.fork-depth", 2);
        settings.put("chain-monitor.standalone.demo.fork-hold", 5);
        // Each service reads its own configuration; a system property reaches the spawner in this JVM, so that the
        // demo's replicas stop with the platform instead of outliving the test.
        System.setProperty(KEEP_REPLICAS, "false");
        // Slack cannot run here: a local receiver stands in for it, which the alerts service may reach on loopback.
        System.setProperty(OUTBOUND_ALLOW, "127.0.0.1");
        slack = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slack.createContext("/slack", exchange -> {
            slackMessages.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes(StandardCharsets.US_ASCII));
            exchange.close();
        });
        slack.start();
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
            System.clearProperty(OUTBOUND_ALLOW);
            if (slack != null) {
                slack.stop(0);
            }
        }
    }

    @Test
    void theDemoProjectRunsTwoLockstepReplicasAndItsStagedForkAndProbeBecomeFindingsAndIncidents() throws Exception {
        DemoDriver demo = launcher.getBean(DemoDriver.class);
        String projectId = routeEverythingToSlack();
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
                assertThat(incidents).as("the spend from the node's key is refused and recorded too")
                        .anySatisfy(incident -> {
                            assertThat(incident.get("method").asString()).isEqualTo("eth_sendTransaction");
                            assertThat(incident.get("summary").asString()).startsWith("127.0.0.1 tried");
                        });
                // The credential theft reaches the security team's Slack, naming the method and the source.
                assertThat(slackMessages).anySatisfy(
                        message -> assertThat(message).contains("personal_unlockAccount", "127.0.0.1"));
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
        assertThat(projectId).isNotBlank();
    }

    /** As the project's owner would: a Slack contact, and a policy sending every finding to it at once. */
    private static String routeEverythingToSlack() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String authorization = "Bearer " + new ServiceTokens("demo",
                new PlatformSecrets(dataDirectory.toAbsolutePath().normalize().resolve("secrets")).tokenSigningKey(),
                null, null, Clock.systemUTC()).token().orElseThrow();
        String spawner = platform.urlOf(Service.SPAWNER) + "/api/v1/projects";
        String[] projectId = new String[1];
        await().atMost(WAIT).untilAsserted(() -> {
            HttpResponse<String> projects = http.send(HttpRequest.newBuilder(URI.create(spawner))
                    .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode demo = JSON.readTree(projects.body()).valueStream()
                    .filter(project -> project.get("name").asString().equals("demo")).findFirst().orElse(null);
            assertThat(demo).isNotNull();
            projectId[0] = demo.get("id").asString();
        });
        String alerts = platform.urlOf(Service.ALERTS) + "/api/v1/projects/" + projectId[0] + "/alerts";
        // The alerts service learns of the project from cm.projects.v1, a moment after the spawner made it.
        String contactBody = "{\"name\": \"security\", \"slackWebhook\": \"http://127.0.0.1:"
                + slack.getAddress().getPort() + "/slack\"}";
        List<HttpResponse<String>> created = new ArrayList<>();
        await().atMost(WAIT).untilAsserted(() -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(alerts + "/contacts"))
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(contactBody)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            created.add(response);
        });
        HttpResponse<String> contact = created.getLast();
        String contactId = JSON.readTree(contact.body()).get("id").asString();
        HttpResponse<String> policy = http.send(HttpRequest.newBuilder(URI.create(alerts + "/policy"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"tiers": [{"name": "security", "contacts": ["%s"]}],
                         "routes": [{"name": "all", "tiers": ["security"], "channels": ["slack"]}],
                         "timing": {"high": {"groupWait": "0s", "groupInterval": "5s", "repeatInterval": "1h",
                                              "escalateAfter": "0s"}}}
                        """.formatted(contactId)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(policy.statusCode()).as(policy.body()).isEqualTo(200);
        return projectId[0];
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "demo-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer());
    }
}
