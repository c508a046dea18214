package io.chainmonitor.spawner.runtime.docker;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.command.PullImageResultCallback;

import io.chainmonitor.spawner.runtime.ReplicaRuntimeException;
import io.chainmonitor.spawner.runtime.ReplicaRuntimeException.Reason;

/** Makes sure an engine has an image, pulling it when it does not. */
final class ImagePuller {

    private ImagePuller() {
    }

    static void ensure(DockerEngine engine, String image, Duration timeout) {
        try {
            engine.call("inspect image " + image, client -> client.inspectImageCmd(image).exec());
            return;
        } catch (ReplicaRuntimeException e) {
            if (e.reason() != Reason.PLATFORM_NOT_FOUND) {
                throw e;
            }
        }
        try {
            boolean pulled = engine.call("pull image " + image, client -> {
                try {
                    return client.pullImageCmd(image).exec(new PullImageResultCallback())
                            .awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ReplicaRuntimeException(Reason.IMAGE_UNAVAILABLE, "pulling " + image + " interrupted",
                            null, e);
                }
            });
            if (!pulled) {
                throw new ReplicaRuntimeException(Reason.IMAGE_UNAVAILABLE,
                        "docker host " + engine.host() + ": pulling " + image + " took longer than " + timeout);
            }
        } catch (ReplicaRuntimeException e) {
            if (e.reason() == Reason.IMAGE_UNAVAILABLE || e.reason() == Reason.PLATFORM_UNREACHABLE) {
                throw e;
            }
            throw new ReplicaRuntimeException(Reason.IMAGE_UNAVAILABLE,
                    "image " + image + " is not on the engine and cannot be pulled: " + e.getMessage(), null, e);
        }
    }
}
