package io.chainmonitor.spawner.runtime.kubernetes;

import java.util.Optional;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import io.chainmonitor.spawner.runtime.ResourceUsage;

/** The node container's CPU (as a percentage of one CPU) and memory, from the cluster's metrics API. */
final class PodUsage {

    private PodUsage() {
    }

    static Optional<ResourceUsage> read(KubernetesClient client, String namespace, String name) {
        try {
            PodMetrics metrics = client.top().pods().metrics(namespace, name);
            var node = metrics.getContainers().stream().filter(c -> PodManifest.NODE.equals(c.getName()))
                    .findFirst();
            if (node.isEmpty()) {
                return Optional.empty();
            }
            Quantity cpu = node.get().getUsage().get("cpu");
            Quantity memory = node.get().getUsage().get("memory");
            return Optional.of(new ResourceUsage(
                    cpu == null ? null : cpu.getNumericalAmount().doubleValue() * 100.0,
                    memory == null ? null : memory.getNumericalAmount().longValue(), null, null));
        } catch (KubernetesClientException e) {
            throw KubernetesFailures.failure("read the metrics of pod " + name, e);
        }
    }
}
