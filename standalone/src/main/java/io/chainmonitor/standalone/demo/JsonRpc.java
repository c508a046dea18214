package io.chainmonitor.standalone.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON-RPC 2.0 calls over HTTP to one node endpoint, one call per request. */
final class JsonRpc {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI endpoint;

    JsonRpc(HttpClient http, String endpoint) {
        this.http = http;
        this.endpoint = URI.create(endpoint);
    }

    URI endpoint() {
        return endpoint;
    }

    /** The call's result; a JSON-RPC error or an unreadable answer is a {@link DemoException}. */
    JsonNode call(String method, Object... params) throws InterruptedException {
        JsonNode answer = send(method, params);
        if (answer.hasNonNull("error")) {
            throw new DemoException(method + " on " + endpoint + " failed: " + answer.get("error"));
        }
        return answer.path("result");
    }

    /** The whole answer, error included, for calls whose refusal is the point (the wire-listener probe). */
    JsonNode send(String method, Object... params) throws InterruptedException {
        Map<String, Object> request = Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", List.of(params));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException | JacksonException e) {
            // A refused connection carries no message of its own: its type says what happened.
            throw new DemoException(method + " on " + endpoint + " failed: " + e, e);
        }
    }
}
