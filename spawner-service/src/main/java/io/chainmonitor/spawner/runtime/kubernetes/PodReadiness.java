package io.chainmonitor.spawner.runtime.kubernetes;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;

import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaRuntimeException;
import io.chainmonitor.spawner.runtime.ReplicaRuntimeException.Reason;

/** Waits for a replica's pod to be Ready, as the kubelet reports it once the node's readiness probe passes. */
final class PodReadiness {

    private PodReadiness() {
    }

    /**
     * Returns once the pod is Ready; throws {@code NOT_READY_IN_TIME} after {@code timeout}, and
     * {@code EXITED_BEFORE_READY} (with the exit code) when the pod ended or was deleted first.
     */
    static void await(KubernetesClient client, String namespace, Duration timeout, ReplicaKey key, TrackedPod pod) {
        Pod seen;
        try {
            seen = KubernetesFailures.call("wait for pod " + pod.name(),
                    () -> client.pods().inNamespace(namespace).withName(pod.name()).waitUntilCondition(
                            current -> current == null || PodStatus.ready(current) || PodStatus.ended(current),
                            timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (KubernetesClientTimeoutException e) {
            throw new ReplicaRuntimeException(Reason.NOT_READY_IN_TIME, "replica " + key + ": pod " + pod.name()
                    + " was not ready within " + timeout
                    + " (scheduling, image pull, binary download and the node's readiness)", null, e);
        }
        if (seen == null || !PodStatus.ready(seen)) {
            Integer exitCode = PodStatus.exitCode(seen).orElse(null);
            pod.markExited(exitCode);
            String why = seen == null
                    ? "was deleted"
                    : "ended with exit code " + exitCode + " ("
                            + Objects.requireNonNullElse(seen.getStatus().getReason(), seen.getStatus().getPhase())
                            + ")";
            throw new ReplicaRuntimeException(Reason.EXITED_BEFORE_READY,
                    "replica " + key + ": pod " + pod.name() + " " + why + " before it was ready", exitCode, null);
        }
    }
}
