package io.chainmonitor.reporter.report;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.chainmonitor.reporter.ReporterException;
import io.chainmonitor.reporter.ReporterProperties;
import io.chainmonitor.reporter.project.Projects;
import io.chainmonitor.reporter.project.Projects.ProjectInfo;
import io.chainmonitor.reporter.query.ListingFilter;

/** Reports of a project: made on demand, listed, and downloaded in any format. */
@RestController
class ReportController {

    private final Reports reports;
    private final ReportStore store;
    private final ReportDownloads downloads;
    private final Projects projects;
    private final ReporterProperties properties;

    ReportController(Reports reports, ReportStore store, ReportDownloads downloads, Projects projects,
            ReporterProperties properties) {
        this.reports = reports;
        this.store = store;
        this.downloads = downloads;
        this.projects = projects;
        this.properties = properties;
    }

    @PostMapping("/api/v1/projects/{projectId}/reports")
    ResponseEntity<ReportSummary> create(@PathVariable String projectId, @RequestBody Reports.ReportRequest request,
            Authentication caller) {
        ProjectInfo project = projects.require(projectId, caller.getName(), "projectId");
        ReportStore.StoredReport report = reports.create(project, request, "on_demand", caller.getName());
        return ResponseEntity.created(URI.create(path(report))).body(ReportSummary.of(report));
    }

    @GetMapping("/api/v1/projects/{projectId}/reports")
    List<ReportSummary> list(@PathVariable String projectId, @RequestParam(required = false) String limit,
            Authentication caller) {
        projects.require(projectId, caller.getName(), "projectId");
        int pageSize = ListingFilter.limit(limit, properties.query().defaultLimit(), properties.query().maxLimit());
        return store.list(projectId, pageSize).stream().map(ReportSummary::of).toList();
    }

    @GetMapping("/api/v1/projects/{projectId}/reports/{reportId}")
    ResponseEntity<byte[]> download(@PathVariable String projectId, @PathVariable String reportId,
            @RequestParam(required = false) String format, Authentication caller) {
        projects.require(projectId, caller.getName(), "projectId");
        return downloads.download(find(projectId, reportId), format);
    }

    ReportStore.StoredReport find(String projectId, String reportId) {
        return store.find(projectId, Reports.uuid(reportId, "reportId")).orElseThrow(
                () -> new ReporterException(ReporterException.Reason.NOT_FOUND, "no report " + reportId));
    }

    static String path(ReportStore.StoredReport report) {
        return "/api/v1/projects/" + report.projectId() + "/reports/" + report.id();
    }

    /** A report as listed: what it is and where to download it. */
    record ReportSummary(String id, String projectId, String kind, String title, String trigger, String createdBy,
            Instant createdAt, Instant periodFrom, Instant periodTo, String href) {

        static ReportSummary of(ReportStore.StoredReport report) {
            return new ReportSummary(report.id().toString(), report.projectId(), report.kind(), report.title(),
                    report.trigger(), report.createdBy(), report.createdAt(), report.periodFrom(), report.periodTo(),
                    path(report));
        }
    }
}
