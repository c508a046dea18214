package io.chainmonitor.reporter.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import io.chainmonitor.reporter.ingest.EventKind;
import io.chainmonitor.reporter.project.Projects.ProjectInfo;
import io.chainmonitor.reporter.query.EventQueries;
import io.chainmonitor.reporter.query.EventView;
import io.chainmonitor.reporter.query.IncidentView;

/**
 * The incident report, shaped like a post-incident analysis: what, where and how severe; the timeline from the first
 * signal to the resolution; the evidence; the notifications and actions; and the follow-up the data calls for.
 */
@Component
class IncidentReports {

    private final EventQueries events;

    IncidentReports(EventQueries events) {
        this.events = events;
    }

    ReportDocument build(UUID reportId, ProjectInfo project, IncidentView incident, Instant generatedAt) {
        List<EventView> findings = events.byFingerprint(project.id(), incident.fingerprint(),
                List.of(EventKind.FINDING)).stream()
                .filter(event -> incident.since()
                        .equals(Instant.parse(event.event().get("data").get("startsAt").asString())))
                .toList();
        List<ReportDocument.Fact> facts = List.of(new ReportDocument.Fact("What", incident.what()),
                new ReportDocument.Fact("Severity", incident.severityLabel()),
                new ReportDocument.Fact("Status", incident.status()),
                new ReportDocument.Fact("Where", where(project, incident.where())),
                new ReportDocument.Fact("Since", ReportDocument.human(incident.since())),
                new ReportDocument.Fact("Until", incident.until() == null
                        ? "ongoing"
                        : ReportDocument.human(incident.until())),
                new ReportDocument.Fact("Duration", incident.until() == null
                        ? "ongoing"
                        : duration(Duration.between(incident.since(), incident.until()))),
                new ReportDocument.Fact("Rule", incident.rule()),
                new ReportDocument.Fact("Attack", incident.attack() == null ? "none named" : incident.attack()),
                new ReportDocument.Fact("Fingerprint", incident.fingerprint()));
        List<ReportDocument.Section> sections = new ArrayList<>();
        sections.add(ReportDocument.Section.text("Summary", List.of(incident.summary())));
        sections.add(ReportDocument.Section.table("Timeline",
                List.of("From the start of the condition to its resolution, every signal in order."),
                List.of("Time", "Event", "Detail"), timeline(incident, findings)));
        sections.add(evidence(incident.evidence()));
        sections.add(ReportDocument.Section.table("Notifications",
                incident.done().notifications().isEmpty() ? List.of("No notification was recorded.") : List.of(),
                List.of("Time", "Kind", "Channel", "Recipient", "Outcome"),
                incident.done().notifications().stream()
                        .map(n -> List.of(ReportDocument.human(n.at()), n.kind(), n.channel(), n.recipient(),
                                n.outcome() + (n.failureReason() == null ? "" : ": " + n.failureReason())))
                        .toList()));
        sections.add(ReportDocument.Section.table("Actions",
                incident.done().actions().isEmpty() ? List.of("No action was recorded.") : List.of(),
                List.of("Time", "Action", "Mode", "Status", "Detail"),
                incident.done().actions().stream()
                        .map(a -> List.of(ReportDocument.human(a.at()), a.actionType(), a.mode(), a.status(),
                                Objects.requireNonNullElse(a.detail(), "")))
                        .toList()));
        sections.add(ReportDocument.Section.text("Recommended follow-up", followUp(incident)));
        return new ReportDocument(reportId.toString(), ReportKind.INCIDENT.wire(),
                "Incident report: " + incident.what(), project.id(), project.name(), generatedAt, incident.since(),
                incident.until(), facts, sections);
    }

    private static List<List<String>> timeline(IncidentView incident, List<EventView> findings) {
        record Entry(Instant at, String event, String detail) {
        }
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(incident.since(), "condition started", incident.rule()));
        findings.forEach(f -> entries.add(new Entry(f.at(), "finding " + f.status(), f.summary())));
        incident.done().notifications().forEach(n -> entries.add(new Entry(n.at(),
                n.kind() + " notification " + n.outcome(), n.channel() + " to " + n.recipient())));
        incident.done().actions().forEach(a -> entries.add(new Entry(a.at(), "action " + a.actionType() + " "
                + a.status(), Objects.requireNonNullElse(a.detail(), ""))));
        if (incident.until() != null) {
            entries.add(new Entry(incident.until(), "condition ended", "resolved"));
        }
        return entries.stream().sorted(Comparator.comparing(Entry::at))
                .map(e -> List.of(ReportDocument.human(e.at()), e.event(), e.detail())).toList();
    }

    private static ReportDocument.Section evidence(JsonNode evidence) {
        if (evidence == null || evidence.isNull()) {
            return ReportDocument.Section.text("Evidence", List.of("The finding carried no measurement."));
        }
        List<String> signals = new ArrayList<>();
        evidence.path("signals").values().forEach(signal -> signals.add("Signal: " + signal.asString()));
        return ReportDocument.Section.table("Evidence", signals, List.of("Metric", "Value", "Threshold", "Window"),
                List.of(List.of(evidence.path("metric").asString(""), number(evidence.path("value")),
                        number(evidence.path("threshold")), evidence.path("window").asString(""))));
    }

    private static List<String> followUp(IncidentView incident) {
        List<String> items = new ArrayList<>();
        if (incident.until() == null) {
            items.add("The incident is still firing: keep watching it until it resolves.");
        }
        for (String recommended : incident.recommendedActions()) {
            List<IncidentView.ActionDone> taken = incident.done().actions().stream()
                    .filter(a -> recommended.equals(a.actionType())).toList();
            items.add(taken.isEmpty()
                    ? "Recommended action " + recommended + " was not taken: decide whether it is still needed."
                    : "Recommended action " + recommended + " ended " + taken.getLast().status() + ".");
        }
        long failed = incident.done().notifications().stream().filter(n -> "failed".equals(n.outcome())).count();
        if (failed > 0) {
            items.add(failed + " notification(s) failed: check the channel and the recipient's settings.");
        }
        if (incident.done().notifications().isEmpty()) {
            items.add("Nobody was notified: check the alert routes of the " + incident.severityLabel() + " tier.");
        }
        items.add("Record the root cause and whether the rule's threshold fits; adjust the rule if it fired late "
                + "or too often.");
        return items;
    }

    private static String where(ProjectInfo project, IncidentView.Where where) {
        StringBuilder text = new StringBuilder(project.name() + ", " + where.chainType());
        if (where.replicaId() != null) {
            text.append(", replica ").append(where.replicaId());
        }
        if (where.height() != null) {
            text.append(", height ").append(where.height());
        }
        if (where.blockHash() != null) {
            text.append(", block ").append(where.blockHash());
        }
        return text.toString();
    }

    static String number(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "";
        }
        return ReportDocument.number(value.asDouble());
    }

    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60
                ? seconds + " s"
                : seconds < 3600
                        ? (seconds / 60) + " min " + (seconds % 60) + " s"
                        : (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
    }
}
