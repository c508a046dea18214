package io.chainmonitor.alerts.dispatch;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import io.chainmonitor.alerts.AlertsApplication;
import io.chainmonitor.alerts.AlertsIT;
import io.chainmonitor.alerts.support.HttpReceiver;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.support.embedded.test.EmbeddedInfrastructure;
import io.chainmonitor.support.kafka.test.TopicReader;
import io.chainmonitor.support.security.test.JwtTestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** The alert lifecycle with the clock under the test's control; every notification goes to a signed webhook. */
class LifecycleIT extends AlertsIT {

    private final String owner = "owner-" + UUID.randomUUID();
    private final String token = user(owner);
    private final String path = "/lifecycle/" + UUID.randomUUID();
    private final String leadsPath = path + "/leads";

    /** Tiers on-call → leads, one route for everything, High timing 10s / 1m / 10m, escalation after 5m. */
    private String project() {
        String projectId = project(owner, "lifecycle");
        String onCall = createContact(projectId, token, """
                {"name": "on-call hook", "webhook": {"url": "%s", "secret": "whsec-0123456789abcdef"}}"""
                .formatted(RECEIVER.url(path)));
        String leads = createContact(projectId, token, """
                {"name": "leads hook", "webhook": {"url": "%s", "secret": "whsec-0123456789abcdef"}}"""
                .formatted(RECEIVER.url(leadsPath)));
        putPolicy(projectId, token, """
                {"tiers": [{"name": "on-call", "contacts": ["%s"]}, {"name": "leads", "contacts": ["%s"]}],
                 "routes": [{"name": "all", "tiers": ["on-call", "leads"], "channels": ["webhook"]}],
                 "timing": {"high": {"groupWait": "10s", "groupInterval": "1m", "repeatInterval": "10m",
                                     "escalateAfter": "5m"},
                            "extreme": {"groupWait": "0s", "groupInterval": "1m", "repeatInterval": "10m",
                                        "escalateAfter": "5m"}}}
                """.formatted(onCall, leads));
        return projectId;
    }

    private static Finding high(String fingerprint, Finding.Status status, String metric) {
        return finding(fingerprint, "pow.reorg-depth", null, status, metric, List.of());
    }

    /** What the on-call (or leads) webhook received: kind and fingerprints of each message. */
    private List<String> told(String at) {
        return RECEIVER.requests().stream().filter(request -> request.path().equals(at))
                .map(HttpReceiver.Request::body).map(AlertsIT::json).map(LifecycleIT::describe).toList();
    }

    private static String describe(JsonNode message) {
        StringBuilder text = new StringBuilder(message.get("kind").asString()).append(':');
        message.get("alerts").forEach(alert -> text.append(' ').append(alert.get("fingerprint").asString()));
        return text.toString();
    }

    @Test
    void findingsWithinTheGroupWaitAreToldTogetherOnceAndAgainFiringOnlyAfterTheRepeatInterval() {
        String projectId = project();
        String a = "fp-a-" + UUID.randomUUID();
        String b = "fp-b-" + UUID.randomUUID();
        fire(projectId, Severity.HIGH, high(a, Finding.Status.FIRING, "chain.reorg.depth"));
        tick();
        assertThat(told(path)).as("nothing before the group wait").isEmpty();
        CLOCK.advance(Duration.ofSeconds(5));
        fire(projectId, Severity.HIGH, high(b, Finding.Status.FIRING, "chain.reorg.depth"));
        fire(projectId, Severity.HIGH, high(a, Finding.Status.FIRING, "chain.reorg.depth")); // a duplicate
        CLOCK.advance(Duration.ofSeconds(6));
        tick();

        assertThat(told(path)).containsExactly("firing: " + a + " " + b);

        CLOCK.advance(Duration.ofMinutes(4));
        fire(projectId, Severity.HIGH, high(a, Finding.Status.FIRING, "chain.reorg.depth")); // still firing
        tick();
        assertThat(told(path)).as("deduplicated by fingerprint").hasSize(1);

        CLOCK.advance(Duration.ofMinutes(6)); // the repeat interval since the first notification
        tick();
        assertThat(told(path)).containsExactly("firing: " + a + " " + b, "repeat: " + a + " " + b);
    }

    @Test
    void aResolvedFindingIsToldAtTheNextGroupIntervalAndNotRepeated() {
        String projectId = project();
        String a = "fp-r-" + UUID.randomUUID();
        fire(projectId, Severity.HIGH, high(a, Finding.Status.FIRING, "chain.reorg.depth"));
        CLOCK.advance(Duration.ofSeconds(10));
        tick();
        fire(projectId, Severity.HIGH, high(a, Finding.Status.RESOLVED, "chain.reorg.depth"));
        tick();
        assertThat(told(path)).containsExactly("firing: " + a);

        CLOCK.advance(Duration.ofMinutes(1));
        tick();
        CLOCK.advance(Duration.ofMinutes(30));
        tick();

        assertThat(told(path)).containsExactly("firing: " + a, "resolved: " + a);
        assertThat(told(leadsPath)).isEmpty();
    }

    @Test
    void aSilencedFindingIsNotToldUntilTheSilenceEnds() {
        String projectId = project();
        HttpResponse<String> silence = send("POST", "/api/v1/projects/" + projectId + "/alerts/silences", token, """
                {"matchers": [{"field": "labels.replica", "op": "=", "value": "r-2"},
                              {"field": "ruleId", "op": "=~", "value": "pow\\\\..*"}],
                 "duration": "15m", "comment": "maintenance of r-2"}""");
        assertThat(silence.statusCode()).as(silence.body()).isEqualTo(201);
        assertThat(json(silence).get("active").asBoolean()).isTrue();
        String a = "fp-s-" + UUID.randomUUID();
        fire(projectId, Severity.HIGH, high(a, Finding.Status.FIRING, "chain.reorg.depth"));
        CLOCK.advance(Duration.ofSeconds(10));
        tick();
        CLOCK.advance(Duration.ofMinutes(6));
        tick();
        assertThat(told(path)).isEmpty();
        assertThat(told(leadsPath)).as("a muted alert does not escalate").isEmpty();

        CLOCK.advance(Duration.ofMinutes(10)); // silence over, repeat interval reached
        tick();

        assertThat(told(path)).containsExactly("repeat: " + a);
    }

    @Test
    void anExtremeAttackInhibitsTheHighFindingsItIsComposedOf() {
        String projectId = project();
        String share = "fp-share-" + UUID.randomUUID();
        String other = "fp-other-" + UUID.randomUUID();
        String attack = "fp-attack-" + UUID.randomUUID();
        fire(projectId, Severity.EXTREME, finding(attack, "pow.51-percent", "51-percent", Finding.Status.FIRING,
                "chain.reorg.depth", List.of("chain.miner.share=0.857 > 0.5", "orphaned blocks 1206..1211")));
        fire(projectId, Severity.HIGH, high(share, Finding.Status.FIRING, "chain.miner.share"));
        fire(projectId, Severity.HIGH, high(other, Finding.Status.FIRING, "node.peers.count"));
        CLOCK.advance(Duration.ofSeconds(10));
        tick();

        assertThat(told(path)).containsExactlyInAnyOrder("firing: " + attack, "firing: " + other);
    }

    @Test
    void anUnacknowledgedAlertEscalatesToTheNextTierAndAnAcknowledgedOneDoesNot() {
        String projectId = project();
        String a = "fp-e-" + UUID.randomUUID();
        fire(projectId, Severity.EXTREME, finding(a, "pow.51-percent", "51-percent", Finding.Status.FIRING,
                "chain.reorg.depth", List.of()));
        tick();
        assertThat(told(path)).containsExactly("firing: " + a);
        CLOCK.advance(Duration.ofMinutes(5));
        tick();
        assertThat(told(leadsPath)).containsExactly("escalation: " + a);
        assertThat(json(RECEIVER.requests().stream().filter(r -> r.path().equals(leadsPath)).findFirst().orElseThrow()
                .body()).get("tier").asString()).isEqualTo("leads");

        String b = "fp-ack-" + UUID.randomUUID();
        fire(projectId, Severity.EXTREME, finding(b, "pow.51-percent", "51-percent", Finding.Status.FIRING,
                "chain.reorg.depth", List.of()));
        CLOCK.advance(Duration.ofMinutes(1));
        tick();
        HttpResponse<String> ack = send("POST", "/api/v1/projects/" + projectId + "/alerts/" + b + "/ack", token,
                null);
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(204);
        CLOCK.advance(Duration.ofMinutes(6));
        tick();

        assertThat(told(leadsPath)).containsExactly("escalation: " + a);
    }

    @Test
    void theSignedLinkInANotificationAcknowledgesItsGroupAfterAConfirmation() {
        String projectId = project();
        String a = "fp-link-" + UUID.randomUUID();
        fire(projectId, Severity.EXTREME, finding(a, "pow.51-percent", "51-percent", Finding.Status.FIRING,
                "chain.reorg.depth", List.of()));
        tick();
        String link = json(RECEIVER.requests().stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow()
                .body()).get("links").get("acknowledge").asString();
        String ackPath = link.substring("https://alerts.example.com".length());

        HttpResponse<String> page = send("GET", ackPath, null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\">").contains("lifecycle");
        assertThat(count("select count(*) from alert where project_id = ? and acked_at is not null", projectId))
                .as("opening the link acknowledges nothing").isZero();
        HttpResponse<String> tampered = send("POST", ackPath.substring(0, ackPath.length() - 2) + "xx", null, null);
        assertThat(tampered.statusCode()).isEqualTo(403);
        HttpResponse<String> acked = send("POST", ackPath, null, null);
        assertThat(acked.statusCode()).as(acked.body()).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(11));
        tick();

        assertThat(told(leadsPath)).isEmpty();
        assertThat(told(path)).containsExactly("firing: " + a);
        assertThat(jdbc.sql("select acked_by from alert where project_id = ?").param(projectId).query(String.class)
                .single()).isEqualTo("ack-link");
    }

    @Test
    void aRestartInTheMiddleOfAGroupCycleLosesNothingAndSendsAtMostOneDuplicate() {
        String projectId = project();
        String a = "fp-restart-" + UUID.randomUUID();
        fire(projectId, Severity.HIGH, high(a, Finding.Status.FIRING, "chain.reorg.depth"));
        tick(); // inside the group wait: nothing told, the timer is in the database

        try (ConfigurableApplicationContext restarted = restartedInstance()) {
            LifecycleTicker other = restarted.getBean(LifecycleTicker.class);
            CLOCK.advance(Duration.ofSeconds(10));
            // The restarted instance finds the group's timer in the database and queues the notification...
            restarted.getBean(GroupFlusher.class).run();
            // ...then dies having claimed the delivery and before sending it (what DeliveryWorker.claim writes).
            jdbc.sql("update delivery set next_attempt_at = ? where project_id = ?")
                    .params(at(CLOCK.instant().plus(Duration.ofMinutes(2))), projectId).update();
            ticker.tick();
            assertThat(told(path)).as("a claimed delivery is left alone while its lease runs").isEmpty();
            CLOCK.advance(Duration.ofMinutes(2));
            ticker.tick();
            other.tick();
            ticker.tick();
        }

        assertThat(told(path)).containsExactly("firing: " + a);
        assertThat(count("select count(*) from delivery where project_id = ? and status = 'delivered'", projectId))
                .isEqualTo(1);
    }

    @Test
    void lowFindingsInQuietHoursAreHeldAndSentAsOneDigestWhenTheWindowEnds() {
        String projectId = project(owner, "quiet");
        String contact = createContact(projectId, token, """
                {"name": "night hook", "webhook": {"url": "%s", "secret": "whsec-0123456789abcdef"}}"""
                .formatted(RECEIVER.url(path)));
        java.time.LocalTime now = java.time.LocalTime.ofInstant(CLOCK.instant(), java.time.ZoneOffset.UTC)
                .withSecond(0).withNano(0);
        putPolicy(projectId, token, """
                {"tiers": [{"name": "on-call", "contacts": ["%s"]}],
                 "quietHours": {"start": "%s", "end": "%s", "zone": "UTC"}}"""
                .formatted(contact, now.minusHours(1), now.plusHours(2)));
        String a = "fp-low-a-" + UUID.randomUUID();
        String b = "fp-low-b-" + UUID.randomUUID();
        fire(projectId, Severity.LOW, high(a, Finding.Status.FIRING, "node.disk.used"));
        CLOCK.advance(Duration.ofMinutes(30));
        fire(projectId, Severity.LOW, high(b, Finding.Status.FIRING, "node.memory.used"));
        CLOCK.advance(Duration.ofMinutes(5));
        tick();
        assertThat(told(path)).isEmpty();

        CLOCK.advance(Duration.ofMinutes(90)); // past the end of the window
        tick();

        assertThat(told(path)).containsExactly("digest: " + a + " " + b);
    }

    @Test
    void anUnreadableFindingGoesToTheDeadLetterTopicAndTheNextOneIsStillTaken() {
        String projectId = project();
        publisher.publish(io.chainmonitor.events.Envelope.of("/health-service/rules", null, projectId, Severity.HIGH,
                high("fp-before-" + UUID.randomUUID(), Finding.Status.FIRING, "m"))).join();
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(java.util.Map.of(
                "bootstrap.servers", EmbeddedInfrastructure.bootstrapServers()),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("cm.findings.v1", projectId,
                    "{\"specversion\": \"1.0\", \"not\": \"a finding\"}")).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String after = "fp-after-" + UUID.randomUUID();
        fire(projectId, Severity.HIGH, high(after, Finding.Status.FIRING, "m"));

        assertThat(count("select count(*) from alert where project_id = ? and fingerprint = ?", projectId, after))
                .isEqualTo(1);
        org.awaitility.Awaitility.await().until(() -> TopicReader
                .rawValuesOf("cm.findings.v1-dlt", projectId).stream().anyMatch(v -> v.contains("a finding")));
    }

    /** A second instance of the service on the same database and broker, as after a restart. */
    private ConfigurableApplicationContext restartedInstance() {
        // As arguments, so that they win over the service's own configuration file, as in standalone.
        String[] arguments = java.util.stream.Stream.of(
                "spring.main.allow-bean-definition-overriding=true",
                "server.port=0", "management.server.port=0",
                "chain-monitor.heartbeat.enabled=false",
                "chain-monitor.kafka.create-topics=false",
                "chain-monitor.security.jwt.hmac-secret=" + JwtTestTokens.DEFAULT_HMAC_SECRET,
                "chain-monitor.alerts.secret-key=alerts-test-secret-key-0123456789abcdef",
                "chain-monitor.alerts.outbound.allow[0]=127.0.0.1",
                "chain-monitor.alerts.tick-interval=1h",
                "chain-monitor.alerts.public-url=https://alerts.example.com",
                "spring.kafka.consumer.group-id=alerts-restarted",
                "spring.kafka.bootstrap-servers=" + EmbeddedInfrastructure.bootstrapServers(),
                "spring.datasource.url=" + EmbeddedInfrastructure.jdbcUrl("alerts"),
                "spring.datasource.username=" + EmbeddedInfrastructure.postgres().username(),
                "spring.datasource.password=" + EmbeddedInfrastructure.postgres().password())
                .map(setting -> "--" + setting).toArray(String[]::new);
        return AlertsApplication.builder().sources(TestBeans.class).run(arguments);
    }
}
