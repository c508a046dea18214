package io.chainmonitor.spawner.runtime;

/**
 * What a container platform measured for a running replica (Docker's stats API, the Kubernetes metrics API), for
 * replicas whose processes this machine cannot read in {@code /proc}; a figure the platform does not give is null.
 */
public record ResourceUsage(Double cpuPercent, Long memoryBytes, Long receivedBytes, Long transmittedBytes) {
}
