package io.chainmonitor.alerts;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.alerts.dispatch.LifecycleTicker;
import io.chainmonitor.alerts.support.HttpReceiver;
import io.chainmonitor.alerts.support.TestClock;
import io.chainmonitor.events.ChainRef;
import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.project.ProjectLifecycle;
import io.chainmonitor.support.embedded.test.EmbeddedInfrastructure;
import io.chainmonitor.support.kafka.EventPublisher;
import io.chainmonitor.support.net.HostResolver;
import io.chainmonitor.support.security.test.JwtTestTokens;
import io.chainmonitor.support.test.HttpTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The alerts service over real HTTP with the shared embedded broker and database, a real SMTP server (GreenMail), local
 * receivers for the HTTP channels on 127.0.0.1 (allow-listed), a clock the tests move and ticks the tests run; the
 * background ticker is set far apart so that it never races them.
 */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(classes = {AlertsApplication.class,
        AlertsIT.TestBeans.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
                "spring.config.name=" + AlertsApplication.NAME,
                "spring.main.allow-bean-definition-overriding=true",
                "management.server.port=0",
                "chain-monitor.heartbeat.enabled=false",
                "chain-monitor.security.jwt.hmac-secret=" + JwtTestTokens.DEFAULT_HMAC_SECRET,
                "chain-monitor.alerts.secret-key=alerts-test-secret-key-0123456789abcdef",
                "chain-monitor.alerts.outbound.allow[0]=127.0.0.1",
                "chain-monitor.alerts.tick-interval=1h",
                "chain-monitor.alerts.dashboard-url=https://monitor.example.com",
                "chain-monitor.alerts.public-url=https://alerts.example.com",
                "chain-monitor.alerts.email.from=alerts@monitor.example.com",
                "chain-monitor.alerts.telegram.bot-token=123456:test-token",
                "chain-monitor.alerts.delivery.initial-backoff=1s",
                "chain-monitor.alerts.delivery.max-attempts=4",
                "chain-monitor.alerts.outbound.read-timeout=10s"})
public abstract class AlertsIT {

    protected static final Instant START = Instant.parse("2026-11-22T03:15:00Z");
    /** Only ever moves forward: test classes share the database, and each test starts where the last one left it. */
    protected static final TestClock CLOCK = new TestClock(START);
    protected static final JwtTestTokens TOKENS = JwtTestTokens.hmac();
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final GreenMail SMTP = startSmtp();
    /** Every HTTP channel of the tests: Slack, webhooks, PagerDuty and Telegram, told apart by path. */
    protected static final HttpReceiver RECEIVER = new HttpReceiver();

    @LocalServerPort
    protected int port;

    private HttpTestClient client;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected EventPublisher publisher;
    @Autowired
    protected LifecycleTicker ticker;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.registerProperties(registry, "alerts");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("chain-monitor.alerts.pagerduty.events-url", () -> RECEIVER.url("/pagerduty/v2/enqueue"));
        registry.add("chain-monitor.alerts.telegram.api-url", () -> RECEIVER.url("/telegram"));
    }

    @BeforeEach
    void resetOutside() throws Exception {
        RECEIVER.reset();
        SMTP.purgeEmailFromAllMailboxes();
    }

    private static GreenMail startSmtp() {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        smtp.start();
        return smtp;
    }

    /** The test clock and a resolver that maps test names before real DNS. */
    @TestConfiguration
    public static class TestBeans {

        @Bean
        @Primary
        public Clock clock() {
            return CLOCK;
        }

        @Bean
        @Primary
        public HostResolver hostResolver() {
            // No DNS in tests: public names resolve to a documentation address, one name to a private one.
            Map<String, String> names = Map.of("intranet.example.com", "192.168.10.20", "hooks.example.com",
                    "203.0.113.10", "hooks.slack.com", "203.0.113.11");
            HostResolver system = HostResolver.system();
            return host -> names.containsKey(host)
                    ? List.of(java.net.InetAddress.getByName(names.get(host)))
                    : system.resolve(host);
        }
    }

    protected static String user(String subject) {
        return TOKENS.token(claims -> claims.subject(subject));
    }

    /** A project owned by {@code owner}, announced on cm.projects.v1 as the spawner does; returns its id. */
    protected String project(String owner, String name) {
        String id = UUID.randomUUID().toString();
        publisher.publish(Envelope.of("/spawner-service/projects", "projects/" + id, id, Severity.LOW,
                new ProjectLifecycle(id, ProjectLifecycle.Change.CREATED, name, "litecoin", "bitcoin", "pow", null, 3,
                        List.of("local"), 1, owner)))
                .join();
        await().until(() -> jdbc.sql("select count(*) from project where project_id = ? and owner = ?")
                .params(id, owner).query(Long.class).single() == 1);
        return id;
    }

    protected String createContact(String projectId, String token, String json) {
        HttpResponse<String> created = send("POST", "/api/v1/projects/" + projectId + "/alerts/contacts", token,
                json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asString();
    }

    protected void putPolicy(String projectId, String token, String json) {
        HttpResponse<String> response = send("PUT", "/api/v1/projects/" + projectId + "/alerts/policy", token, json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** Publishes a finding as the health service does and waits until the alert service has taken it. */
    protected Envelope<Finding> fire(String projectId, Severity severity, Finding finding) {
        Envelope<Finding> event = Envelope.of("/health-service/rules", "projects/" + projectId + "/replicas/r-2",
                projectId, severity, finding);
        publisher.publish(event).join();
        await().until(() -> jdbc.sql("select count(*) from processed_event where event_id = ?").param(event.uuid())
                .query(Long.class).single() == 1);
        return event;
    }

    protected static Finding finding(String fingerprint, String ruleId, String attack, Finding.Status status,
            String metric, List<String> signals) {
        return new Finding(fingerprint, ruleId, attack, status, "Reorg of 6 blocks on r-2",
                "Replica r-2 switched to a branch that replaced 6 blocks (threshold 3).",
                new ChainRef("litecoin", 1212L, "365bf63a6659b55404103017ead492d26a015b665e4a329cdbe7df00cba497dd"),
                "r-2", new Finding.Evidence(metric, 6.0, 3.0, "12 blocks", signals),
                Map.of("chain", "litecoin", "replica", "r-2", "rule", ruleId),
                List.of("inform-exchanges", "raise-confirmations"), START.minusSeconds(2),
                status == Finding.Status.RESOLVED ? START.plusSeconds(60) : null);
    }

    /** Runs ticks until nothing more is due now (a delivery queued by a tick is sent by the next). */
    protected void tick() {
        ticker.tick();
        ticker.tick();
    }

    protected long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    protected HttpResponse<String> send(String method, String path, String token, String json) {
        if (client == null) {
            client = new HttpTestClient(port);
        }
        return client.json(method, path, token, json);
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    protected static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    protected static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).get("type").asString()).isEqualTo("urn:chain-monitor:problem:" + type);
    }

    protected static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }
}
