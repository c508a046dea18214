package io.chainmonitor.standalone;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Asks a service's management port for its health, the way an operator's probe would. */
final class HealthProbe {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final String host;

    HealthProbe(String host) {
        this.host = host;
    }

    /** The health status the service reports, or "UNREACHABLE". */
    String status(RunningService service) {
        URI uri = URI.create("http://" + host + ":" + service.managementPort() + "/actuator/health");
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return mapper.readTree(response.body()).path("status").asString("UNKNOWN");
        } catch (IOException | JacksonException e) {
            return "UNREACHABLE";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "UNREACHABLE";
        }
    }

    /** Waits until the service reports UP; fails with its last status when the deadline passes. */
    void awaitUp(RunningService service, Instant deadline) {
        String status = status(service);
        while (!"UP".equals(status)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(service.service().serviceName() + " is not healthy: its health is "
                        + status);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_INTERVAL.toMillis()));
            status = status(service);
        }
    }
}
