package io.chainmonitor.events.report;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.chainmonitor.events.EventPayload;
import io.chainmonitor.events.EventType;
import io.chainmonitor.events.Fields;

/** A stored report is ready to be delivered: the reporter made it on a project's schedule. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportReady(
        String projectId,
        String reportId,
        String kind,
        String title,
        Instant periodFrom,
        Instant periodTo,
        String trigger,
        String downloadPath) implements EventPayload {

    public ReportReady {
        Fields.requireText(projectId, "projectId");
        Fields.requireText(reportId, "reportId");
        Fields.requireText(kind, "kind");
        Fields.requireText(title, "title");
        Fields.require(periodFrom, "periodFrom");
        Fields.require(periodTo, "periodTo");
        if (!periodFrom.isBefore(periodTo)) {
            throw new IllegalArgumentException("periodFrom must be before periodTo");
        }
        Fields.requireText(trigger, "trigger");
        Fields.requireText(downloadPath, "downloadPath");
    }

    @Override
    public EventType eventType() {
        return EventType.REPORT_READY;
    }
}
