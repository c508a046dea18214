package io.chainmonitor.alerts.dispatch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.alerts.AlertsApplication;
import io.chainmonitor.alerts.support.HttpReceiver;
import io.chainmonitor.events.ChainRef;
import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.project.ProjectLifecycle;
import io.chainmonitor.support.embedded.test.EmbeddedInfrastructure;
import io.chainmonitor.support.kafka.EventPublisher;
import io.chainmonitor.support.security.test.JwtTestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the alerts service in one consumer group on one database share the findings by partition and the
 * due work by row locks: every project's alert is sent exactly once. When one stops, the other takes its partitions
 * over, and a finding redelivered to it is recognised and not sent again.
 */
@ExtendWith(EmbeddedInfrastructure.class)
class AlertsScaleOutIT {

    private static final String DATABASE = "alerts_scale_out";
    private static final String OWNER = "ops-" + UUID.randomUUID();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpReceiver SLACK = new HttpReceiver();
    private static final int PROJECTS = 6;

    @AfterAll
    static void stopReceiver() {
        SLACK.close();
    }

    @Test
    void eachAlertIsSentOnceByTwoInstancesAndTheSurvivorTakesOverWithoutSendingAgain() throws Exception {
        List<String> projects = new ArrayList<>();
        List<Envelope<Finding>> fired = new ArrayList<>();
        try (ConfigurableApplicationContext survivor = start()) {
            try (ConfigurableApplicationContext leaving = start()) {
                await().atMost(Duration.ofSeconds(60)).until(
                        () -> !findingPartitions(survivor).isEmpty() && !findingPartitions(leaving).isEmpty());
                assertThat(findingPartitions(survivor)).doesNotContainAnyElementsOf(findingPartitions(leaving));

                EventPublisher publisher = survivor.getBean(EventPublisher.class);
                for (int i = 0; i < PROJECTS; i++) {
                    String project = UUID.randomUUID().toString();
                    projects.add(project);
                    announce(publisher, project);
                }
                for (String project : projects) {
                    // Configured through either instance: they share the database.
                    ConfigurableApplicationContext api = projects.indexOf(project) % 2 == 0 ? survivor : leaving;
                    configure(api, project);
                    Envelope<Finding> event = finding(project, Finding.Status.FIRING);
                    fired.add(event);
                    publisher.publish(event).join();
                }
                await().atMost(Duration.ofSeconds(60)).untilAsserted(
                        () -> assertThat(messages("[EXTREME]")).hasSize(PROJECTS));
                // Both instances tick; the messages stay one per project.
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                        .untilAsserted(() -> assertThat(messages("[EXTREME]")).hasSize(PROJECTS));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> findingPartitions(survivor).size() == 6);

            EventPublisher publisher = survivor.getBean(EventPublisher.class);
            for (Envelope<Finding> again : fired) {
                publisher.publish(again).join();
            }
            for (String project : projects) {
                publisher.publish(finding(project, Finding.Status.RESOLVED)).join();
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(
                    () -> assertThat(messages("[RESOLVED]")).hasSize(PROJECTS));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(messages("[EXTREME]")).as("redelivered findings are not sent again").hasSize(PROJECTS);
                assertThat(messages("[RESOLVED]")).hasSize(PROJECTS);
            });
            for (String project : projects) {
                assertThat(SLACK.requests()).filteredOn(request -> request.path().equals("/slack/" + project))
                        .hasSize(2);
            }
        }
    }

    private static List<String> messages(String prefix) {
        return SLACK.requests().stream().map(HttpReceiver.Request::body).filter(body -> body.contains(prefix))
                .toList();
    }

    private static Collection<TopicPartition> findingPartitions(ConfigurableApplicationContext context) {
        return context.getBean(KafkaListenerEndpointRegistry.class).getAllListenerContainers().stream()
                .map(MessageListenerContainer::getAssignedPartitions).filter(partitions -> partitions != null)
                .flatMap(Collection::stream).filter(partition -> partition.topic().equals("cm.findings.v1"))
                .toList();
    }

    private static void announce(EventPublisher publisher, String project) {
        publisher.publish(Envelope.of("/spawner-service/projects", "projects/" + project, project, Severity.LOW,
                new ProjectLifecycle(project, ProjectLifecycle.Change.CREATED, "scale " + project.substring(0, 8),
                        "litecoin", "bitcoin", "pow", null, 1, List.of("local"), 1, OWNER)))
                .join();
    }

    private static void configure(ConfigurableApplicationContext instance, String project) throws Exception {
        String base = "http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port")
                + "/api/v1/projects/" + project + "/alerts";
        String token = JwtTestTokens.hmac().token(claims -> claims.subject(OWNER));
        HttpClient http = HttpClient.newHttpClient();
        String[] contact = new String[1];
        // The instance learns of the project from cm.projects.v1 a moment after it is announced.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/contacts"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"ops\", \"slackWebhook\": \""
                            + SLACK.url("/slack/" + project) + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            contact[0] = JSON.readTree(created.body()).get("id").asString();
        });
        HttpResponse<String> policy = http.send(HttpRequest.newBuilder(URI.create(base + "/policy"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"tiers": [{"name": "on-call", "contacts": ["%s"]}],
                         "routes": [{"name": "all", "tiers": ["on-call"], "channels": ["slack"]}]}
                        """.formatted(contact[0])))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(policy.statusCode()).as(policy.body()).isEqualTo(200);
    }

    private static Envelope<Finding> finding(String project, Finding.Status status) {
        Instant now = Instant.now();
        return Envelope.of("/health-service/rules", "projects/" + project + "/replicas/r-1", project,
                Severity.EXTREME, new Finding("fp-" + project, "pow.51-percent", "51-percent", status,
                        "51% attack on r-1", "A deep reorg, a large deposit and one miner's dominance.",
                        new ChainRef("litecoin", 100L, null), "r-1", null, Map.of("replica", "r-1"), List.of(),
                        now.minusSeconds(5), status == Finding.Status.RESOLVED ? now : null));
    }

    /** One instance on the shared broker and database, in the shared consumer group, ticking often. */
    private static ConfigurableApplicationContext start() {
        String[] arguments = Stream.of(
                "server.port=0", "management.server.port=0",
                "chain-monitor.heartbeat.enabled=false",
                "chain-monitor.security.jwt.hmac-secret=" + JwtTestTokens.DEFAULT_HMAC_SECRET,
                "chain-monitor.alerts.secret-key=alerts-test-secret-key-0123456789abcdef",
                "chain-monitor.alerts.outbound.allow[0]=127.0.0.1",
                "chain-monitor.alerts.tick-interval=200ms",
                "spring.kafka.consumer.group-id=alerts-scale-out-it",
                "spring.kafka.bootstrap-servers=" + EmbeddedInfrastructure.bootstrapServers(),
                "spring.datasource.url=" + EmbeddedInfrastructure.jdbcUrl(DATABASE),
                "spring.datasource.username=" + EmbeddedInfrastructure.postgres().username(),
                "spring.datasource.password=" + EmbeddedInfrastructure.postgres().password())
                .map(setting -> "--" + setting).toArray(String[]::new);
        return AlertsApplication.builder().run(arguments);
    }
}
