package io.chainmonitor.spawner.runtime;

import java.util.Objects;
import java.util.regex.Pattern;

/** A replica of a project, named so that it can also be a directory name. */
public record ReplicaKey(String projectId, String replicaId) {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    public ReplicaKey {
        requireSegment(projectId, "projectId");
        requireSegment(replicaId, "replicaId");
    }

    private static void requireSegment(String value, String name) {
        Objects.requireNonNull(value, name);
        if (!SEGMENT.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " '" + value + "' must be letters, digits, '.', '_' or '-'");
        }
    }

    /** The CloudEvents subject of events about this replica: {@code projects/<project>/replicas/<replica>}. */
    public String subject() {
        return "projects/" + projectId + "/replicas/" + replicaId;
    }

    @Override
    public String toString() {
        return projectId + "/" + replicaId;
    }
}
