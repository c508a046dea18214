package io.chainmonitor.events.heartbeat;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.chainmonitor.events.EventPayload;
import io.chainmonitor.events.EventType;
import io.chainmonitor.events.Fields;

/** A service instance says it is alive; the dead man's switch watches for these. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Heartbeat(
        String service,
        String instanceId,
        String version,
        Instant startedAt,
        Instant at,
        String status) implements EventPayload {

    public Heartbeat {
        Fields.requireText(service, "service");
        Fields.requireText(instanceId, "instanceId");
        Fields.require(startedAt, "startedAt");
        Fields.require(at, "at");
        Fields.requireText(status, "status");
    }

    @Override
    public EventType eventType() {
        return EventType.HEARTBEAT;
    }
}
