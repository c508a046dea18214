package io.chainmonitor.events.node;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.chainmonitor.events.EventPayload;
import io.chainmonitor.events.EventType;
import io.chainmonitor.events.Fields;

/** A line a node wrote that the spawner judged worth keeping (errors and warnings). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeLogLine(
        String replicaId,
        Instant at,
        Stream stream,
        String level,
        String message,
        long lineNumber) implements EventPayload {

    /** Longest message carried; a longer line is cut and ends with an ellipsis. */
    public static final int MAX_MESSAGE_LENGTH = 4096;

    public NodeLogLine {
        Fields.requireText(replicaId, "replicaId");
        Fields.require(at, "at");
        Fields.require(stream, "stream");
        Fields.requireText(level, "level");
        Fields.require(message, "message");
        message = Fields.truncate(message, MAX_MESSAGE_LENGTH);
        Fields.requireNonNegative(lineNumber, "lineNumber");
    }

    @Override
    public EventType eventType() {
        return EventType.NODE_LOG_LINE;
    }

    /** Which output of the node process the line came from. */
    public enum Stream {
        STDOUT, STDERR
    }
}
