package io.chainmonitor.spawner.runtime.kubernetes;

import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;

/** Reads what the kubelet reports about a replica's pod. */
final class PodStatus {

    private PodStatus() {
    }

    /** Ready: its Ready condition is True (the node container's readiness probe passes). */
    static boolean ready(Pod pod) {
        return pod != null && pod.getStatus() != null && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** Ended: the pod failed or succeeded, or its node container terminated (with restart policy Never, for good). */
    static boolean ended(Pod pod) {
        if (pod == null || pod.getStatus() == null) {
            return false;
        }
        String phase = pod.getStatus().getPhase();
        return "Failed".equals(phase) || "Succeeded".equals(phase) || exitCode(pod).isPresent();
    }

    /** The exit code of the terminated node container, or of a failed init container (the binary check). */
    static Optional<Integer> exitCode(Pod pod) {
        if (pod == null || pod.getStatus() == null) {
            return Optional.empty();
        }
        Optional<Integer> node = terminated(pod.getStatus().getContainerStatuses(), PodManifest.NODE);
        return node.isPresent()
                ? node
                : terminated(pod.getStatus().getInitContainerStatuses(), PodManifest.FETCH)
                        .filter(code -> code != 0);
    }

    private static Optional<Integer> terminated(List<ContainerStatus> statuses, String container) {
        if (statuses == null) {
            return Optional.empty();
        }
        return statuses.stream().filter(s -> container.equals(s.getName())).findFirst()
                .map(ContainerStatus::getState).filter(state -> state != null && state.getTerminated() != null)
                .map(state -> state.getTerminated().getExitCode());
    }
}
