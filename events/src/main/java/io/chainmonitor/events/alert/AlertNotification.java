package io.chainmonitor.events.alert;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.chainmonitor.events.EventPayload;
import io.chainmonitor.events.EventType;
import io.chainmonitor.events.Fields;

/**
 * One notification to one recipient over one channel, and its outcome. Recipients are named, never given by their
 * secret address (webhook URL, routing key).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertNotification(
        String notificationId,
        String groupKey,
        List<String> fingerprints,
        Kind kind,
        String channel,
        String recipient,
        String tier,
        Outcome outcome,
        String failureReason,
        int attempt,
        Instant at) implements EventPayload {

    public AlertNotification {
        Fields.requireText(notificationId, "notificationId");
        Fields.requireText(groupKey, "groupKey");
        fingerprints = Fields.list(fingerprints);
        if (fingerprints.isEmpty()) {
            throw new IllegalArgumentException("a notification is about at least one finding");
        }
        Fields.require(kind, "kind");
        Fields.requireText(channel, "channel");
        Fields.requireText(recipient, "recipient");
        Fields.require(outcome, "outcome");
        if (outcome == Outcome.FAILED && (failureReason == null || failureReason.isBlank())) {
            throw new IllegalArgumentException("a failed notification needs its failureReason");
        }
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt counts from 1, was " + attempt);
        }
        Fields.require(at, "at");
    }

    @Override
    public EventType eventType() {
        return EventType.ALERT_NOTIFICATION;
    }

    /** Why the notification went out. */
    public enum Kind {
        FIRING, REPEAT, ESCALATION, RESOLVED, DIGEST, REPORT
    }

    /** What became of it. */
    public enum Outcome {
        SENT, FAILED, SUPPRESSED
    }
}
