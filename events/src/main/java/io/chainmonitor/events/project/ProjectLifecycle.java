package io.chainmonitor.events.project;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.chainmonitor.events.EventPayload;
import io.chainmonitor.events.EventType;
import io.chainmonitor.events.Fields;

/** A project was created, changed or deleted; carries the project's settings after the change. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectLifecycle(
        String projectId,
        Change change,
        String name,
        String chainType,
        String family,
        String consensus,
        String binarySha256,
        int replicaCount,
        List<String> locations,
        long revision,
        String owner) implements EventPayload {

    public ProjectLifecycle {
        Fields.requireText(projectId, "projectId");
        Fields.require(change, "change");
        Fields.requireText(name, "name");
        Fields.requireText(chainType, "chainType");
        Fields.requireNonNegative(replicaCount, "replicaCount");
        locations = Fields.list(locations);
        Fields.requireNonNegative(revision, "revision");
    }

    /** A lifecycle event that does not name the project's owner. */
    public ProjectLifecycle(String projectId, Change change, String name, String chainType, String family,
            String consensus, String binarySha256, int replicaCount, List<String> locations, long revision) {
        this(projectId, change, name, chainType, family, consensus, binarySha256, replicaCount, locations, revision,
                null);
    }

    @Override
    public EventType eventType() {
        return EventType.PROJECT_LIFECYCLE;
    }

    /** What happened to the project. */
    public enum Change {
        CREATED, UPDATED, BINARY_CHANGED, DELETED
    }
}
