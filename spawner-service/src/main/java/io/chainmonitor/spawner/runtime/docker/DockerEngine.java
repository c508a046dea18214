package io.chainmonitor.spawner.runtime.docker;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.spawner.runtime.ReplicaRuntimeException;
import io.chainmonitor.spawner.runtime.ReplicaRuntimeException.Reason;

/**
 * The Docker engine of one location: a client for calls, bounded by the API timeout, and one without a response
 * timeout for the log streams that follow a container for its whole life. Every engine failure becomes a
 * {@link ReplicaRuntimeException} that names the host, the call and the engine's answer.
 */
final class DockerEngine implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String location;
    private final DockerHost host;
    private final DockerClient calls;
    private final DockerClient streams;

    DockerEngine(String location, DockerHost host, Duration apiTimeout) {
        this.location = location;
        this.host = host;
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host.uri().toString()).withDockerTlsVerify(false).build();
        this.calls = DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).connectionTimeout(apiTimeout).responseTimeout(apiTimeout)
                .maxConnections(32).build());
        this.streams = DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).connectionTimeout(apiTimeout).maxConnections(256).build());
    }

    String location() {
        return location;
    }

    DockerHost host() {
        return host;
    }

    DockerClient streams() {
        return streams;
    }

    /** Runs one call against the engine, translating its failures. */
    <T> T call(String what, java.util.function.Function<DockerClient, T> call) {
        return translate(what, () -> call.apply(calls));
    }

    void run(String what, java.util.function.Consumer<DockerClient> call) {
        translate(what, () -> {
            call.accept(calls);
            return null;
        });
    }

    private <T> T translate(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw failure(what, e);
        }
    }

    /** The typed failure of {@code what} on this engine. */
    ReplicaRuntimeException failure(String what, RuntimeException e) {
        String prefix = "docker host " + host + " (location " + location + "): " + what + ": ";
        if (e instanceof ReplicaRuntimeException typed) {
            return typed;
        }
        if (e instanceof NotFoundException) {
            return new ReplicaRuntimeException(Reason.PLATFORM_NOT_FOUND, prefix + "not found (404) " + engineSaid(e),
                    null, e);
        }
        if (e instanceof ConflictException) {
            return new ReplicaRuntimeException(Reason.PLATFORM_CONFLICT, prefix + "conflict (409) " + engineSaid(e),
                    null, e);
        }
        if (e instanceof DockerException docker) {
            int status = docker.getHttpStatus();
            Reason reason = status >= 500 ? Reason.PLATFORM_ERROR : Reason.PLATFORM_REJECTED;
            return new ReplicaRuntimeException(reason, prefix + "the engine answered " + status + " " + engineSaid(e),
                    null, e);
        }
        return new ReplicaRuntimeException(Reason.PLATFORM_UNREACHABLE,
                prefix + "the engine cannot be reached: " + e.getMessage(), null, e);
    }

    /** The engine's own message, from its JSON answer ({@code Status 409: {"message": …}}) when there is one. */
    private static String engineSaid(RuntimeException e) {
        String message = String.valueOf(e.getMessage()).trim();
        int json = message.indexOf('{');
        if (json >= 0) {
            try {
                String said = JSON.readTree(message.substring(json)).path("message").asString("");
                if (!said.isBlank()) {
                    return "- " + said;
                }
            } catch (JacksonException notJson) {
                // Not the engine's JSON: the whole message says it.
            }
        }
        return "- " + message;
    }

    @Override
    public void close() {
        try {
            calls.close();
            streams.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot close the client of " + host, e);
        }
    }
}
