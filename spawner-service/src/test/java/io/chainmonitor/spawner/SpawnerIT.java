package io.chainmonitor.spawner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.spawner.binary.NodeFiles;
import io.chainmonitor.support.embedded.test.BuildDirectory;
import io.chainmonitor.support.embedded.test.EmbeddedInfrastructure;
import io.chainmonitor.support.kafka.test.TopicReader;
import io.chainmonitor.support.security.test.JwtTestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The spawner over real HTTP, with the shared embedded broker and database, users' JWTs, a binary store of its own
 * and the built-in chain catalog, where {@code anvil} only takes the one x86-64 ELF release of
 * {@link NodeFiles#x86Executable()}.
 */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(classes = SpawnerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + SpawnerApplication.NAME,
        "management.server.port=0",
        "chain-monitor.heartbeat.enabled=false",
        "chain-monitor.security.jwt.hmac-secret=" + JwtTestTokens.DEFAULT_HMAC_SECRET,
        "chain-monitor.security.node-rpc-secret=" + SpawnerIT.NODE_RPC_SECRET,
        // A test run leaves no node behind when its cached contexts close.
        "chain-monitor.spawner.runtime.keep-replicas-on-shutdown=false",
        "chain-monitor.spawner.binary.max-size=" + SpawnerIT.MAX_SIZE,
        "chain-monitor.spawner.locations[0].name=local",
        "chain-monitor.spawner.locations[0].runtime=process",
        "chain-monitor.spawner.locations[1].name=eu-west",
        "chain-monitor.spawner.locations[1].runtime=docker",
        "chain-monitor.spawner.locations[1].target=tcp://127.0.0.1:9",
        "chain-monitor.spawner.outbox.poll-interval=50ms"})
public abstract class SpawnerIT {

    protected static final int MAX_SIZE = 256 * 1024;
    /** The platform secret replicas' RPC credentials are derived from. */
    public static final String NODE_RPC_SECRET = "spawner-it-node-rpc-secret-0123456789abcdef";
    protected static final Path STORE = BuildDirectory.newTempDirectory("spawner-store-");
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final JwtTestTokens TOKENS = JwtTestTokens.hmac();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.registerProperties(registry, "spawner");
        registry.add("chain-monitor.spawner.binary.store", STORE::toString);
        registry.add("chain-monitor.spawner.binary.allowed-hashes.anvil[0]",
                () -> NodeFiles.sha256(NodeFiles.x86Executable()));
    }

    /** A JWT for a user. */
    protected static String user(String subject) {
        return TOKENS.token(claims -> claims.subject(subject));
    }

    protected HttpResponse<String> send(String method, String path, String token, String json) {
        HttpRequest.Builder request = request(path, token).header("Content-Type", "application/json")
                .method(method, json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        return send(request);
    }

    protected HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET());
    }

    protected HttpResponse<String> uploadBinary(String projectId, String token, byte[] content, String sha256) {
        HttpRequest.Builder request = request("/api/v1/projects/" + projectId + "/binary", token)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
        if (sha256 != null) {
            request.header("X-Expected-SHA256", sha256);
        }
        return send(request);
    }

    /** Creates a project for the owner of {@code token}; returns its id. */
    protected String createProject(String token, String name, String chainType) {
        return createProject(token, projectJson(name, chainType));
    }

    /** Creates the project {@code json} describes for the owner of {@code token}; returns its id. */
    protected String createProject(String token, String json) {
        HttpResponse<String> created = send("POST", "/api/v1/projects", token, json);
        if (created.statusCode() != 201) {
            throw new AssertionError("project not created: " + created.statusCode() + " " + created.body());
        }
        return json(created).get("id").asString();
    }

    protected static String projectJson(String name, String chainType) {
        return """
                {"name": "%s", "chainType": "%s",
                 "replicas": {"total": 3, "locations": [{"name": "local", "count": 2}, {"name": "eu-west", "count": 1}],
                              "extraArgs": ["-txindex"]}}
                """.formatted(name, chainType);
    }

    /** Asserts an RFC 9457 problem of this status and type slug. */
    protected static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).get("type").asString()).isEqualTo("urn:chain-monitor:problem:" + type);
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** Everything a refused request must leave as it was: rows, stored files and events on the broker. */
    protected record Stored(Map<String, Long> rows, List<String> files, long projectEvents, long auditEvents) {
    }

    /** What is stored, once the outbox relay has sent everything pending. */
    protected Stored stored() {
        await().until(() -> jdbc.sql("select count(*) from outbox_event where sent_at is null").query(Long.class)
                .single() == 0);
        Map<String, Long> rows = new TreeMap<>();
        for (String table : List.of("project", "node_binary", "project_binary_history", "ci_token", "outbox_event",
                "deployment", "deployment_replica")) {
            rows.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        rows.put("revisions", jdbc.sql("select coalesce(sum(revision), 0) from project").query(Long.class).single());
        return new Stored(rows, storeFiles(), TopicReader.endOffset("cm.projects.v1"),
                TopicReader.endOffset("cm.audit.v1"));
    }

    protected static List<String> storeFiles() {
        if (!Files.exists(STORE)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(STORE)) {
            return files.filter(Files::isRegularFile).map(file -> STORE.relativize(file).toString()).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        return Optional.ofNullable(token).map(value -> builder.header("Authorization", "Bearer " + value))
                .orElse(builder);
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
