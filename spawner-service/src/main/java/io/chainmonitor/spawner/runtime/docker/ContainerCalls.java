package io.chainmonitor.spawner.runtime.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotModifiedException;

import io.chainmonitor.spawner.runtime.ReplicaRuntimeException;
import io.chainmonitor.spawner.runtime.ReplicaRuntimeException.Reason;
import io.chainmonitor.spawner.runtime.ReplicaSpec;

/** The small engine calls and local checks the docker runtime makes around a container. */
final class ContainerCalls {

    private ContainerCalls() {
    }

    /** Removes a container by force; one already gone is fine. */
    static void removeQuietly(DockerEngine engine, String id) {
        try {
            engine.run("remove container " + id,
                    client -> client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec());
        } catch (ReplicaRuntimeException e) {
            if (e.reason() != Reason.PLATFORM_NOT_FOUND) {
                throw e;
            }
        }
    }

    static InspectContainerResponse inspect(DockerEngine engine, String id) {
        return engine.call("inspect container " + id, client -> client.inspectContainerCmd(id).exec());
    }

    /** The container's pid, when the engine runs on this machine (so that /proc shows that very process). */
    static Long localPid(DockerEngine engine, InspectContainerResponse inspected) {
        boolean local = "unix".equalsIgnoreCase(engine.host().uri().getScheme())
                || "127.0.0.1".equals(engine.host().uri().getHost())
                || "localhost".equalsIgnoreCase(engine.host().uri().getHost());
        return local && inspected.getState() != null ? inspected.getState().getPidLong() : null;
    }

    static Path binaryOf(ReplicaSpec spec) {
        try {
            Path binary = spec.executable().toRealPath();
            if (!Files.isRegularFile(binary)) {
                throw new IOException("not a regular file");
            }
            return binary;
        } catch (IOException e) {
            throw new ReplicaRuntimeException(Reason.EXECUTABLE_NOT_RUNNABLE,
                    "replica " + spec.key() + ": " + spec.executable() + " is not a file to mount: " + e.getMessage(),
                    null, e);
        }
    }

    /** {@code uid:gid} of the directory's owner, or null where the file system does not say. */
    static String ownerOf(Path directory) {
        try {
            return Files.getAttribute(directory, "unix:uid") + ":" + Files.getAttribute(directory, "unix:gid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Stops the container (SIGTERM, SIGKILL after the grace period, on the engine's side) and removes it. */
    static void stopAndRemove(TrackedContainer container, java.time.Duration grace) {
        DockerEngine engine = container.engine();
        String id = container.containerId();
        try {
            engine.run("stop container " + id, client -> client.stopContainerCmd(id)
                    .withTimeout((int) Math.max(1, grace.toSeconds())).exec());
        } catch (ReplicaRuntimeException e) {
            if (!(e.getCause() instanceof NotModifiedException) && e.reason() != Reason.PLATFORM_NOT_FOUND) {
                throw e;
            }
        }
        removeQuietly(engine, id);
    }
}
