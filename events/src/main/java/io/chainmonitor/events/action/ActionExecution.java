package io.chainmonitor.events.action;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.chainmonitor.events.EventPayload;
import io.chainmonitor.events.EventType;
import io.chainmonitor.events.Fields;

/** One step of an action policy, proposed, approved, run or rehearsed, and its outcome. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionExecution(
        String executionId,
        String policyId,
        String actionType,
        String findingFingerprint,
        Mode mode,
        Status status,
        String target,
        String detail,
        String approvedBy,
        Instant startedAt,
        Instant finishedAt,
        Map<String, String> outputs) implements EventPayload {

    public ActionExecution {
        Fields.requireText(executionId, "executionId");
        Fields.requireText(policyId, "policyId");
        Fields.requireText(actionType, "actionType");
        Fields.require(mode, "mode");
        Fields.require(status, "status");
        Fields.requireText(detail, "detail");
        Fields.require(startedAt, "startedAt");
        outputs = Fields.map(outputs);
    }

    @Override
    public EventType eventType() {
        return EventType.ACTION_EXECUTION;
    }

    /** How the policy lets the action run. */
    public enum Mode {
        AUTOMATIC, APPROVAL, DRY_RUN
    }

    /** Where the execution stands. */
    public enum Status {
        PENDING_APPROVAL, APPROVED, REJECTED, RUNNING, SUCCEEDED, FAILED, TIMED_OUT, SKIPPED, DRY_RUN
    }
}
