package io.chainmonitor.standalone.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's public REST API as the demo uses it: the spawner's projects, binary and deployment, and the wire
 * listener's public endpoints; every call carries the demo owner's bearer token, exactly as a user or CI would.
 */
final class PlatformApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String spawner;
    private final String wireListener;
    private final Supplier<String> authorization;

    PlatformApi(HttpClient http, String spawner, String wireListener, Supplier<String> authorization) {
        this.http = http;
        this.spawner = spawner;
        this.wireListener = wireListener;
        this.authorization = authorization;
    }

    /** The owner's project of that name, if there is one. */
    Optional<JsonNode> project(String name) throws InterruptedException {
        for (JsonNode project : expect(200, get(spawner + "/api/v1/projects"))) {
            if (name.equals(project.path("name").asString())) {
                return Optional.of(project);
            }
        }
        return Optional.empty();
    }

    JsonNode createProject(String body) throws InterruptedException {
        return expect(201, send(json(spawner + "/api/v1/projects", "POST", body)));
    }

    /** The stored binary's metadata, or empty when the project has none yet. */
    Optional<JsonNode> binary(String projectId) throws InterruptedException {
        return optional(get(spawner + "/api/v1/projects/" + projectId + "/binary"));
    }

    /** Streams the file up with the SHA-256 the spawner must find; it refuses the upload (422) otherwise. */
    JsonNode uploadBinary(String projectId, Path file, String sha256) throws InterruptedException {
        try {
            return expect(200, send(request(spawner + "/api/v1/projects/" + projectId + "/binary")
                    .header("Content-Type", "application/octet-stream").header("X-Expected-SHA256", sha256)
                    .PUT(HttpRequest.BodyPublishers.ofFile(file))));
        } catch (IOException e) {
            throw new DemoException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The running deployment, or empty when the project is not deployed. */
    Optional<JsonNode> deployment(String projectId) throws InterruptedException {
        return optional(get(spawner + "/api/v1/projects/" + projectId + "/deployment"));
    }

    JsonNode deploy(String projectId) throws InterruptedException {
        return expect(202, send(json(spawner + "/api/v1/projects/" + projectId + "/deployment", "POST", "")));
    }

    /** Each replica's public endpoints at the wire listener. */
    JsonNode listeners(String projectId) throws InterruptedException {
        return expect(200, get(wireListener + "/api/v1/projects/" + projectId + "/listeners"));
    }

    private Answer get(String url) throws InterruptedException {
        return send(request(url).GET());
    }

    private HttpRequest.Builder json(String url, String method, String body) {
        return request(url).header("Content-Type", "application/json").method(method,
                HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).header("Authorization",
                authorization.get());
    }

    private Answer send(HttpRequest.Builder request) throws InterruptedException {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            return new Answer(built.method() + " " + built.uri().getPath(), response.statusCode(), response.body());
        } catch (IOException e) {
            throw new DemoException(built.method() + " " + built.uri() + " failed: " + e, e);
        }
    }

    private static Optional<JsonNode> optional(Answer answer) {
        return answer.status() == 404 ? Optional.empty() : Optional.of(expect(200, answer));
    }

    private static JsonNode expect(int status, Answer answer) {
        if (answer.status() != status) {
            throw new DemoException(answer.call() + " answered " + answer.status() + ": " + answer.body());
        }
        try {
            return JSON.readTree(answer.body());
        } catch (JacksonException e) {
            throw new DemoException(answer.call() + " answered something that is not JSON: " + answer.body(), e);
        }
    }

    private record Answer(String call, int status, String body) {
    }
}
