package io.chainmonitor.spawner.runtime;

/** Where a runtime runs replicas: local processes, Docker containers or Kubernetes pods. */
public enum RuntimeKind {
    PROCESS("process"), DOCKER("docker"), KUBERNETES("kubernetes");

    private final String wireName;

    RuntimeKind(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in configuration and in {@code ReplicaLifecycle.runtime}. */
    public String wireName() {
        return wireName;
    }
}
