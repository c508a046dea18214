package io.chainmonitor.chainwatcher.follow;

import java.util.Objects;

/** One replica of one project. */
public record ReplicaKey(String projectId, String replicaId) {

    public ReplicaKey {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(replicaId, "replicaId");
    }

    /** The envelope subject of the replica's events. */
    public String subject() {
        return "projects/" + projectId + "/replicas/" + replicaId;
    }
}
