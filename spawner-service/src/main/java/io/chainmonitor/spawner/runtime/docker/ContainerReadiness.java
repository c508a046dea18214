package io.chainmonitor.spawner.runtime.docker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReadinessProber;
import io.chainmonitor.spawner.runtime.ReplicaRuntimeException;
import io.chainmonitor.spawner.runtime.ReplicaRuntimeException.Reason;
import io.chainmonitor.spawner.runtime.ReplicaSpec;

/** Waits for a started container's node to answer the catalog's readiness probe on its published RPC port. */
final class ContainerReadiness {

    private static final Logger log = LoggerFactory.getLogger(ContainerReadiness.class);

    private final ReadinessProber prober;
    private final String host;
    private final Duration pollInterval;
    private final Clock clock;

    ContainerReadiness(ReadinessProber prober, String host, Duration pollInterval, Clock clock) {
        this.prober = prober;
        this.host = host;
        this.pollInterval = pollInterval;
        this.clock = clock;
    }

    /** Probes until the node answers, its container ends (then throws) or the probe's timeout passes (then throws). */
    void await(ReplicaSpec spec, TrackedContainer container) {
        if (spec.readiness() == null) {
            return;
        }
        Instant deadline = clock.instant().plus(spec.readiness().timeout());
        int rpcPort = container.ports().get(PortRole.RPC);
        try {
            while (true) {
                if (container.logs().ended().isDone()) {
                    throw exitedBeforeReady(container);
                }
                if (prober.isReady(host, rpcPort, spec.readiness())) {
                    return;
                }
                if (clock.instant().isAfter(deadline)) {
                    container.requestStop();
                    ContainerCalls.removeQuietly(container.engine(), container.containerId());
                    throw new ReplicaRuntimeException(Reason.NOT_READY_IN_TIME, "replica " + spec.key()
                            + " did not answer " + spec.readiness().method() + " on " + host + ":"
                            + rpcPort + " within " + spec.readiness().timeout() + tail(container), null, null);
                }
                try {
                    container.logs().ended().get(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    // Still running: probe again.
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            container.requestStop();
            ContainerCalls.removeQuietly(container.engine(), container.containerId());
            throw new ReplicaRuntimeException(Reason.START_FAILED, "replica " + spec.key() + ": interrupted", null, e);
        }
    }

    static ReplicaRuntimeException exitedBeforeReady(TrackedContainer container) {
        Integer exitCode = container.exitCode();
        if (exitCode == null) {
            // The end of the stream may not be recorded yet: the engine knows the exit code.
            try {
                Long code = ContainerCalls.inspect(container.engine(), container.containerId()).getState()
                        .getExitCodeLong();
                exitCode = code == null ? null : code.intValue();
            } catch (ReplicaRuntimeException e) {
                log.debug("replica {}: no exit code: {}", container.key(), e.getMessage());
            }
        }
        return new ReplicaRuntimeException(Reason.EXITED_BEFORE_READY, "replica " + container.key() + " (container "
                + container.containerId() + ") exited with " + exitCode + " before it was ready" + tail(container),
                exitCode, null);
    }

    static String tail(TrackedContainer container) {
        List<String> lines = container.logs() == null ? List.of() : container.logs().tail();
        return lines.isEmpty() ? "" : "; last output:\n" + String.join("\n", lines);
    }
}
