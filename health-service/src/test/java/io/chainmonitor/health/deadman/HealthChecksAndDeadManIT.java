package io.chainmonitor.health.deadman;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.health.HealthReport;
import io.chainmonitor.events.heartbeat.Heartbeat;
import io.chainmonitor.events.project.ProjectLifecycle;
import io.chainmonitor.events.project.ReplicaLifecycle;
import io.chainmonitor.health.HealthApplication;
import io.chainmonitor.health.check.CheckState;
import io.chainmonitor.health.check.HealthChecks;
import io.chainmonitor.support.embedded.test.EmbeddedInfrastructure;
import io.chainmonitor.support.kafka.EventPublisher;
import io.chainmonitor.support.kafka.test.TopicReader;
import io.chainmonitor.support.security.test.JwtTestTokens;
import io.chainmonitor.support.test.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Health checks on demand over the state the service consumed, and the dead man's switch: silent services and
 * replicas fire once and resolve, and the outbound heartbeat says when something is wrong. The clock is moved by
 * hand; the scheduled rounds are pushed out of the way so that only the test sweeps.
 */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(classes = HealthApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=health-service", "management.server.port=0",
        "chain-monitor.security.jwt.hmac-secret=" + JwtTestTokens.DEFAULT_HMAC_SECRET,
        "chain-monitor.heartbeat.enabled=false", "chain-monitor.health.dead-man.check-interval=1h",
        "chain-monitor.health.dead-man.ping-interval=1h", "chain-monitor.health.checks.round=1h"})
@Import(HealthChecksAndDeadManIT.Clocks.class)
class HealthChecksAndDeadManIT {

    static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    static final List<String> PINGS = new CopyOnWriteArrayList<>();
    static final HttpServer RECEIVER = receiver();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, String> chains = new java.util.concurrent.ConcurrentHashMap<>();

    @Autowired
    EventPublisher publisher;

    @Autowired
    DeadMansSwitch deadMan;

    @Autowired
    HeartbeatPinger pinger;

    @Autowired
    HealthChecks checks;

    @Autowired
    CheckState checkState;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.registerProperties(registry, "health_checks_it");
        registry.add("chain-monitor.health.dead-man.ping-url",
                () -> "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/ping/abc");
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop(0);
    }

    @Test
    void anOnDemandCheckJudgesEveryReplicaAndIsStoredAndPublished() throws Exception {
        String project = newProject("litecoin");
        replica(project, "r1", ReplicaLifecycle.State.RUNNING);
        replica(project, "r2", ReplicaLifecycle.State.RUNNING);
        metrics(project, "r1", 120, 8);
        metrics(project, "r2", 110, 0);

        JsonNode report = await().atMost(WAIT).until(() -> JSON.readTree(api("POST", project, "").body()),
                r -> r.get("replicas").size() == 2 && r.get("replicas").valueStream()
                        .allMatch(x -> x.has("height") && x.has("peers")));
        assertThat(report.get("overall").asString()).isEqualTo("critical");
        assertThat(report.get("trigger").asString()).isEqualTo("on_demand");
        JsonNode r2 = report.get("replicas").valueStream().filter(r -> r.get("replicaId").asString().equals("r2"))
                .findFirst().orElseThrow();
        assertThat(r2.get("status").asString()).isEqualTo("critical");
        assertThat(r2.get("blocksBehind").asLong()).isEqualTo(10);
        assertThat(report.get("checks").valueStream().map(c -> c.get("name").asString()))
                .contains("r1 running", "r2 in-sync", "r2 peers", "replicas agree on the tip", "firing findings");

        String id = report.get("reportId").asString();
        await().atMost(WAIT).untilAsserted(() -> assertThat(TopicReader.eventsOf("cm.health.reports.v1", project))
                .anySatisfy(e -> {
                    assertThat(e.data()).isInstanceOfSatisfying(HealthReport.class, h -> {
                        assertThat(h.reportId()).isEqualTo(id);
                        assertThat(h.overall()).isEqualTo(HealthReport.Status.CRITICAL);
                    });
                    assertThat(e.severity()).isEqualTo(Severity.HIGH);
                }));
        assertThat(api("GET", project, "/" + id).body()).contains(id);
        assertThat(api("GET", project, "").body()).contains(id);
        assertThat(api("GET", project, "/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(api("GET", project, "?limit=0").statusCode()).isEqualTo(400);
        assertThat(api("POST", "no-such-project", "").statusCode()).isEqualTo(404);
    }

    @Test
    void aDueProjectIsCheckedOnceByConcurrentRoundsAndItsNextCheckIsSpreadWithinATenthOfTheInterval()
            throws Exception {
        String project = newProject("litecoin");
        replica(project, "r1", ReplicaLifecycle.State.RUNNING);
        metrics(project, "r1", 50, 4);
        await().atMost(WAIT).until(() -> checkState.nextCheckAt(project).isPresent());

        Instant before = CLOCK.instant();
        Instant now = before.plus(Duration.ofMinutes(5).plusSeconds(1));
        CLOCK.set(now);
        try {
            // Two rounds at the same instant stand in for two instances: the claim lets only one of them check.
            Thread other = Thread.ofVirtual().start(checks::periodic);
            checks.periodic();
            other.join();
        } finally {
            // The other tests' services and replicas must not look silent because this one moved time on.
            CLOCK.set(before);
        }

        assertThat(checkState.nextCheckAt(project)).get()
                .satisfies(next -> assertThat(next).isBetween(now.plus(Duration.ofMinutes(5)),
                        now.plus(Duration.ofMinutes(5).plusSeconds(30))));
        await().atMost(WAIT).untilAsserted(() -> assertThat(TopicReader.eventsOf("cm.health.reports.v1", project))
                .filteredOn(e -> e.data() instanceof HealthReport h && h.trigger() == HealthReport.Trigger.PERIODIC)
                .hasSize(1));
        assertThat(JSON.readTree(api("GET", project, "").body()).get(0).get("trigger").asString())
                .isEqualTo("periodic");
    }

    @Test
    void aSilentServiceFiresOnceAndResolvesWhenItBeatsAgain() throws Exception {
        String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        heartbeat(service, CLOCK.instant());
        await().atMost(WAIT).until(() -> platformServices().contains(service));
        deadMan.sweep();
        assertThat(findingsOf(Envelope.PLATFORM_PROJECT_ID, service)).isEmpty();

        CLOCK.advance(Duration.ofSeconds(60));
        deadMan.sweep();
        deadMan.sweep();
        List<Finding> fired = findingsOf(Envelope.PLATFORM_PROJECT_ID, service);
        assertThat(fired).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("platform.service-silent");
            assertThat(f.status()).isEqualTo(Finding.Status.FIRING);
            assertThat(f.summary()).contains(service, "60 s");
        });

        heartbeat(service, CLOCK.instant());
        await().atMost(WAIT).untilAsserted(() -> {
            deadMan.sweep();
            assertThat(findingsOf(Envelope.PLATFORM_PROJECT_ID, service)).hasSize(2);
        });
        Finding resolved = findingsOf(Envelope.PLATFORM_PROJECT_ID, service).get(1);
        assertThat(resolved.status()).isEqualTo(Finding.Status.RESOLVED);
        assertThat(resolved.fingerprint()).isEqualTo(fired.get(0).fingerprint());
    }

    @Test
    void aRunningReplicaWithoutMetricsIsSilentUntilItStops() throws Exception {
        String project = newProject("anvil");
        replica(project, "a1", ReplicaLifecycle.State.RUNNING);
        metrics(project, "a1", 7, 0);
        await().atMost(WAIT).until(() -> JSON.readTree(api("POST", project, "").body()),
                r -> r.get("replicas").size() == 1 && r.get("replicas").get(0).has("height"));
        deadMan.sweep();
        assertThat(findings(project)).isEmpty();

        CLOCK.advance(Duration.ofMinutes(3));
        deadMan.sweep();
        assertThat(findings(project)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("replica.silent");
            assertThat(f.replicaId()).isEqualTo("a1");
            assertThat(f.chain().type()).isEqualTo("anvil");
        });

        replica(project, "a1", ReplicaLifecycle.State.STOPPED);
        await().atMost(WAIT).untilAsserted(() -> {
            deadMan.sweep();
            assertThat(findings(project)).hasSize(2).last()
                    .satisfies(f -> assertThat(f.status()).isEqualTo(Finding.Status.RESOLVED));
        });
    }

    @Test
    void theOutboundHeartbeatPingsAndSaysFailWhileASilenceIsOpen() throws Exception {
        // Other tests of this class leave replicas silent on the shared clock (whichever ran first); this one is
        // about a platform that starts clean, so their open silences are forgotten here.
        jdbc.sql("DELETE FROM deadman_silence").update();
        PINGS.clear();
        pinger.ping();
        String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        heartbeat(service, CLOCK.instant().minus(Duration.ofMinutes(10)));
        await().atMost(WAIT).until(() -> platformServices().contains(service));
        deadMan.sweep();
        pinger.ping();
        assertThat(PINGS).containsExactly("GET /ping/abc", "GET /ping/abc/fail");
        heartbeat(service, CLOCK.instant());
        await().atMost(WAIT).until(() -> {
            deadMan.sweep();
            return !deadMan.anySilence() || !findingsOf(Envelope.PLATFORM_PROJECT_ID, service).isEmpty()
                    && findingsOf(Envelope.PLATFORM_PROJECT_ID, service).getLast().status() == Finding.Status.RESOLVED;
        });
    }

    private String newProject(String chainType) throws Exception {
        String project = "hc-" + UUID.randomUUID().toString().substring(0, 8);
        chains.put(project, chainType);
        publish(project, "projects/" + project, new ProjectLifecycle(project, ProjectLifecycle.Change.CREATED,
                "health-checks", chainType, null, null, null, 1, List.of("local"), 1));
        return project;
    }

    private void replica(String project, String replica, ReplicaLifecycle.State state) throws Exception {
        publish(project, "projects/" + project + "/replicas/" + replica, new ReplicaLifecycle(project, replica,
                state, chains.get(project), "local", "process", null, null, null, 0));
    }

    private void metrics(String project, String replica, long height, int peers) throws Exception {
        publish(project, "projects/" + project + "/replicas/" + replica, new MetricBatch(replica, "litecoin", height,
                null, CLOCK.instant(), "chain-watcher", List.of(new MetricBatch.Sample("node.peers", peers, "count",
                        Map.of()), new MetricBatch.Sample("node.syncing", 0, "boolean", Map.of()))));
    }

    private void heartbeat(String service, Instant at) throws Exception {
        publish(Envelope.PLATFORM_PROJECT_ID, "services/" + service + "/instances/i-1",
                new Heartbeat(service, "i-1", "test", at.minus(Duration.ofHours(1)), at, "UP"));
    }

    private void publish(String project, String subject, io.chainmonitor.events.EventPayload payload)
            throws Exception {
        publisher.publish(Envelope.of("/test", subject, project, Severity.LOW, payload)).get(30, TimeUnit.SECONDS);
    }

    /** The dead man's switch's findings of a project (the rule evaluation adds its own, e.g. replica offline). */
    private List<Finding> findings(String project) {
        return TopicReader.eventsOf("cm.findings.v1", project).stream().map(Envelope::data)
                .filter(Finding.class::isInstance).map(Finding.class::cast)
                .filter(f -> f.ruleId().equals("replica.silent") || f.ruleId().equals("platform.service-silent"))
                .toList();
    }

    private List<Finding> findingsOf(String project, String service) {
        return findings(project).stream().filter(f -> service.equals(f.labels().get("service"))).toList();
    }

    private String platformServices() throws Exception {
        return send("GET", "/api/v1/platform/services", null).body();
    }

    private HttpResponse<String> api(String method, String project, String path) throws Exception {
        return send(method, "/api/v1/projects/" + project + "/health-checks" + path, method.equals("POST") ? "" : null);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + JwtTestTokens.hmac().token())
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                PINGS.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
