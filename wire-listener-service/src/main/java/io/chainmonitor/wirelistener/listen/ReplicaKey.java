package io.chainmonitor.wirelistener.listen;

/** One replica of a project, as the listener knows it. */
public record ReplicaKey(String projectId, String replicaId, String chainType) {

    /** The envelope subject of the replica's events. */
    public String subject() {
        return "projects/" + projectId + "/replicas/" + replicaId;
    }
}
