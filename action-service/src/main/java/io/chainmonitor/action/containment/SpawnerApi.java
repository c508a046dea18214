package io.chainmonitor.action.containment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.action.ActionProperties;
import io.chainmonitor.action.project.ProjectOwners;
import io.chainmonitor.support.security.ServiceTokens;

/**
 * The spawner's REST API as containment steps use it. The spawner lets only a project's owner act on it, so each call
 * carries a token minted on the owner's behalf (subject = owner, {@code act} = this service).
 */
@Component
class SpawnerApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final Duration timeout;
    private final ProjectOwners owners;
    private final ServiceTokens tokens;
    private final HttpClient http;

    SpawnerApi(ActionProperties properties, ProjectOwners owners, ServiceTokens tokens) {
        this.base = properties.spawner().url();
        this.timeout = properties.spawner().timeout();
        this.owners = owners;
        this.tokens = tokens;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The full URL of an API path, for what a dry run reports. */
    URI url(String path) {
        return base.resolve(path);
    }

    JsonNode send(String projectId, String method, String path, JsonNode body)
            throws IOException, InterruptedException {
        String owner = owners.ownerOf(projectId).orElseThrow(
                () -> new StepFailedException("project " + projectId + " is unknown to the action service"));
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(timeout)
                .header("Accept", "application/json")
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        tokens.authorizationOnBehalfOf(owner).ifPresent(value -> request.header("Authorization", value));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new StepFailedException(method + " " + path + " answered " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    /** A containment step the spawner refused or could not carry out; the message goes to the execution log. */
    static final class StepFailedException extends RuntimeException {
        StepFailedException(String message) {
            super(message);
        }
    }
}
