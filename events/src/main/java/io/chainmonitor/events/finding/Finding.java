package io.chainmonitor.events.finding;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.chainmonitor.events.ChainRef;
import io.chainmonitor.events.EventPayload;
import io.chainmonitor.events.EventType;
import io.chainmonitor.events.Fields;

/**
 * A rule or attack signature fired or resolved. The fingerprint is stable for the same rule, project and labels, so
 * that the firing and the resolved event of one incident share it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(
        String fingerprint,
        String ruleId,
        String attack,
        Status status,
        String title,
        String summary,
        ChainRef chain,
        String replicaId,
        Evidence evidence,
        Map<String, String> labels,
        List<String> recommendedActions,
        Instant startsAt,
        Instant endsAt) implements EventPayload {

    public Finding {
        Fields.requireText(fingerprint, "fingerprint");
        Fields.requireText(ruleId, "ruleId");
        Fields.require(status, "status");
        Fields.requireText(title, "title");
        Fields.requireText(summary, "summary");
        Fields.require(chain, "chain");
        labels = Fields.map(labels);
        recommendedActions = Fields.list(recommendedActions);
        Fields.require(startsAt, "startsAt");
        if (status == Status.RESOLVED && endsAt == null) {
            throw new IllegalArgumentException("a resolved finding needs endsAt");
        }
        if (endsAt != null && endsAt.isBefore(startsAt)) {
            throw new IllegalArgumentException("endsAt " + endsAt + " is before startsAt " + startsAt);
        }
    }

    @Override
    public EventType eventType() {
        return EventType.FINDING;
    }

    /** Whether the condition holds. */
    public enum Status {
        FIRING, RESOLVED
    }

    /** The measurement behind a finding: which metric, its value, the threshold it crossed, over which window. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Evidence(String metric, Double value, Double threshold, String window, List<String> signals) {

        public Evidence {
            signals = Fields.list(signals);
        }
    }
}
