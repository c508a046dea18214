package io.chainmonitor.reporter.report;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.events.EventCodec;
import io.chainmonitor.reporter.ReporterException;
import io.chainmonitor.reporter.ReporterException.Reason;
import io.chainmonitor.reporter.project.Projects.ProjectInfo;
import io.chainmonitor.reporter.query.EventQueries;
import io.chainmonitor.reporter.query.EventView;
import io.chainmonitor.reporter.query.IncidentQueries;
import io.chainmonitor.reporter.query.ListingFilter;

/** Makes, stores and renders reports. */
@Service
class Reports {

    private static final Duration DEFAULT_PERIOD = Duration.ofDays(1);

    private final ReportStore store;
    private final IncidentQueries incidents;
    private final EventQueries events;
    private final IncidentReports incidentReports;
    private final HealthReports healthReports;
    private final ProjectSummaries summaries;
    private final JsonMapper json;
    private final Clock clock;

    Reports(ReportStore store, IncidentQueries incidents, EventQueries events, IncidentReports incidentReports,
            HealthReports healthReports, ProjectSummaries summaries, EventCodec codec, Clock reporterClock) {
        this.store = store;
        this.incidents = incidents;
        this.events = events;
        this.incidentReports = incidentReports;
        this.healthReports = healthReports;
        this.summaries = summaries;
        this.json = codec.mapper();
        this.clock = reporterClock;
    }

    /** What a caller asks for: the kind and what it is about. */
    record ReportRequest(String kind, String incidentId, String healthReportId, Instant from, Instant to) {
    }

    // A refusal (unknown kind, no health report yet) happens before anything is written; it must not doom a caller's
    // transaction, such as a schedule run that makes its other kinds of report.
    @Transactional(noRollbackFor = ReporterException.class)
    ReportStore.StoredReport create(ProjectInfo project, ReportRequest request, String trigger, String createdBy) {
        ReportKind kind = ReportKind.of(request.kind()).orElseThrow(() -> ReporterException.invalidParameter(
                Reason.INVALID_PARAMETER, "kind", "must be one of incident, health, project_summary, was '"
                        + request.kind() + "'"));
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        ReportDocument document = switch (kind) {
            case INCIDENT -> {
                if (request.incidentId() == null) {
                    throw ReporterException.invalidParameter(Reason.INVALID_PARAMETER, "incidentId",
                            "is required for an incident report");
                }
                UUID incidentId = uuid(request.incidentId(), "incidentId");
                var incident = incidents.find(incidentId).filter(i -> i.projectId().equals(project.id()))
                        .orElseThrow(() -> ReporterException.invalidParameter(Reason.NOT_FOUND, "incidentId",
                                "names no incident of project " + project.id()));
                yield incidentReports.build(id, project, incident, now);
            }
            case HEALTH -> healthReports.build(id, project, healthEvent(project, request.healthReportId(), now), now);
            case PROJECT_SUMMARY -> {
                Instant to = request.to() == null ? now : request.to();
                Instant from = request.from() == null ? to.minus(DEFAULT_PERIOD) : request.from();
                ListingFilter.requireOrdered(from, to);
                yield summaries.build(id, project, from, to, now);
            }
        };
        store.insert(document, trigger, createdBy);
        return store.find(project.id(), id).orElseThrow();
    }

    /** The health report named by its id, or the project's latest one up to {@code now}. */
    private EventView healthEvent(ProjectInfo project, String healthReportId, Instant now) {
        return events.healthReport(project.id(), healthReportId, now)
                .orElseThrow(() -> ReporterException.invalidParameter(Reason.NOT_FOUND, "healthReportId",
                        healthReportId == null
                                ? "is needed: project " + project.id() + " has no health report yet"
                                : "names no health report of project " + project.id()));
    }

    byte[] render(ReportDocument document, ReportFormat format) {
        return switch (format) {
            case JSON -> json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
            case HTML -> ReportHtml.render(document).getBytes(StandardCharsets.UTF_8);
            case PDF -> ReportHtml.pdf(document);
            case CSV -> ReportText.csv(document).getBytes(StandardCharsets.UTF_8);
            case MARKDOWN -> ReportText.markdown(document).getBytes(StandardCharsets.UTF_8);
        };
    }

    static UUID uuid(String value, String parameter) {
        return ListingFilter.uuid(value, parameter);
    }
}
