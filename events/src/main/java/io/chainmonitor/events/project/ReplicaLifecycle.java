package io.chainmonitor.events.project;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.chainmonitor.events.EventPayload;
import io.chainmonitor.events.EventType;
import io.chainmonitor.events.Fields;

/** A replica of a project's node changed state; carries where it runs and how to reach it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplicaLifecycle(
        String projectId,
        String replicaId,
        State state,
        String chainType,
        String location,
        String runtime,
        Endpoints endpoints,
        Integer exitCode,
        String reason,
        int restarts) implements EventPayload {

    public ReplicaLifecycle {
        Fields.requireText(projectId, "projectId");
        Fields.requireText(replicaId, "replicaId");
        Fields.require(state, "state");
        Fields.requireText(chainType, "chainType");
        Fields.requireNonNegative(restarts, "restarts");
    }

    @Override
    public EventType eventType() {
        return EventType.REPLICA_LIFECYCLE;
    }

    /** Where a replica state stands. */
    public enum State {
        STARTING, RUNNING, UNHEALTHY, RESTARTING, ISOLATED, STOPPED, FAILED
    }

    /**
     * How to reach a replica: its own endpoints (for the platform) and the public ones the wire listener serves in
     * front of them.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Endpoints(String rpcUrl, String wsUrl, String p2pAddress, String publicRpcUrl, String publicWsUrl,
            String publicP2pAddress) {
    }
}
