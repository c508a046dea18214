package io.chainmonitor.reporter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
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

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.EventCodec;
import io.chainmonitor.events.EventPayload;
import io.chainmonitor.events.EventType;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.Uuid7;
import io.chainmonitor.events.fixtures.Fixtures;
import io.chainmonitor.events.project.ProjectLifecycle;
import io.chainmonitor.support.embedded.test.EmbeddedInfrastructure;
import io.chainmonitor.support.security.test.JwtTestTokens;
import io.chainmonitor.support.test.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reporter over real HTTP with the shared embedded broker and database, users' JWTs, a clock the tests move
 * ({@link #CLOCK}, starting at {@link #START}) and a producer that sends events as any service would.
 */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(classes = {ReporterApplication.class,
        ReporterIT.TestClock.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
                "spring.config.name=" + ReporterApplication.NAME,
                "management.server.port=0",
                "chain-monitor.heartbeat.enabled=false",
                "chain-monitor.security.jwt.hmac-secret=" + JwtTestTokens.DEFAULT_HMAC_SECRET,
                "chain-monitor.kafka.retry.attempts=2",
                "chain-monitor.kafka.retry.initial-interval=50ms"})
public abstract class ReporterIT {

    /** Where the test clock starts: shortly after the golden fixtures' events. */
    public static final Instant START = Instant.parse("2026-11-22T04:00:00Z");
    public static final MutableClock CLOCK = new MutableClock(START);
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final EventCodec CODEC = new EventCodec();
    protected static final JwtTestTokens TOKENS = JwtTestTokens.hmac();

    private static KafkaProducer<String, byte[]> producer;

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.registerProperties(registry, "reporter");
    }

    /** Replaces the service's clock with {@link #CLOCK}. */
    @TestConfiguration
    static class TestClock {

        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @AfterAll
    static void resetClock() {
        CLOCK.set(START);
    }

    /** A JWT for a user. */
    protected static String user(String subject) {
        return TOKENS.token(claims -> claims.subject(subject));
    }

    /** Sends the raw bytes to a topic, keyed by {@code key}, and waits for the broker to have them. */
    protected static void sendRaw(String topic, String key, byte[] value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Sends an event to its topic as a producer service would. */
    protected static void send(Envelope<?> event) {
        sendRaw(event.topic().topicName(), event.projectid(), CODEC.write(event));
    }

    /** An event of the project with the given payload, severity, time and a fresh id. */
    protected static <T extends EventPayload> Envelope<T> event(String projectId, Severity severity, Instant time,
            T data) {
        return new Envelope<>(Envelope.SPEC_VERSION, Uuid7.next().toString(), data.eventType().type(), "/test/it",
                "projects/" + projectId, time, Envelope.JSON, projectId, severity, data);
    }

    /** The golden fixture of {@code type}, moved to the project and given a fresh id. */
    protected static Envelope<?> fixture(EventType type, String projectId) {
        Envelope<?> f = Fixtures.envelope(type);
        return new Envelope<>(f.specversion(), Uuid7.next().toString(), f.type(), f.source(),
                "projects/" + projectId, f.time(), f.datacontenttype(), projectId, f.severity(), f.data());
    }

    /** Announces a project of {@code owner} as the spawner would, and waits until the reporter knows it. */
    protected String project(String owner) {
        String projectId = UUID.randomUUID().toString();
        project(projectId, owner, "ltc-" + projectId.substring(0, 8));
        return projectId;
    }

    protected void project(String projectId, String owner, String name) {
        ProjectLifecycle fixture = Fixtures.payload(EventType.PROJECT_LIFECYCLE, ProjectLifecycle.class);
        send(event(projectId, Severity.LOW, START, new ProjectLifecycle(projectId, ProjectLifecycle.Change.CREATED,
                name, fixture.chainType(), fixture.family(), fixture.consensus(), fixture.binarySha256(),
                fixture.replicaCount(), fixture.locations(), 1, owner)));
        await().until(() -> jdbc.sql("SELECT count(*) FROM project WHERE id = :id AND owner = :owner")
                .param("id", projectId).param("owner", owner).query(Long.class).single() == 1);
    }

    protected HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<byte[]> getBytes(String path, String token) {
        return send(request(path, token).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    protected HttpResponse<String> send(String method, String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json").method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)),
                HttpResponse.BodyHandlers.ofString());
    }

    protected HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        return Optional.ofNullable(token).map(value -> builder.header("Authorization", "Bearer " + value))
                .orElse(builder);
    }

    protected <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The items of a listing, once it has {@code count} of them. */
    protected List<JsonNode> awaitItems(String path, String token, int count) {
        return await().until(() -> {
            HttpResponse<String> response = get(path, token);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return json(response).get("items").values().stream().toList();
        }, items -> items.size() == count);
    }

    /** Asserts an RFC 9457 problem of this status and type slug that names {@code parameter}. */
    protected static void assertProblem(HttpResponse<String> response, int status, String type, String parameter) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = json(response);
        assertThat(problem.get("type").asString()).isEqualTo("urn:chain-monitor:problem:" + type);
        if (parameter != null) {
            assertThat(problem.get("errors").get(0).get("parameter").asString()).isEqualTo(parameter);
        }
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    EmbeddedInfrastructure.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }
}
