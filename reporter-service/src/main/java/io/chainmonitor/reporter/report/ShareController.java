package io.chainmonitor.reporter.report;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.chainmonitor.reporter.ReporterException;
import io.chainmonitor.reporter.project.Projects;

/**
 * Share links: made and revoked by the report's owner under {@code /api/v1}; opened by anyone holding the token at
 * {@code /share/{token}}, which needs no JWT and shows that one report only.
 */
@RestController
class ShareController {

    private final ShareLinks links;
    private final ReportController reports;
    private final ReportStore store;
    private final ReportDownloads downloads;
    private final Projects projects;

    ShareController(ShareLinks links, ReportController reports, ReportStore store, ReportDownloads downloads,
            Projects projects) {
        this.links = links;
        this.reports = reports;
        this.store = store;
        this.downloads = downloads;
        this.projects = projects;
    }

    /** How long the link lives, ISO-8601 (e.g. {@code P7D}); the configured default when absent. */
    record ShareRequest(String expiresIn) {
    }

    @PostMapping("/api/v1/projects/{projectId}/reports/{reportId}/share")
    ResponseEntity<ShareLinks.ShareLink> share(@PathVariable String projectId, @PathVariable String reportId,
            @RequestBody(required = false) ShareRequest request, Authentication caller) {
        projects.require(projectId, caller.getName(), "projectId");
        ReportStore.StoredReport report = reports.find(projectId, reportId);
        ShareLinks.ShareLink link = links.create(report.id(),
                request == null ? null : duration(request.expiresIn()), caller.getName());
        return ResponseEntity.created(URI.create(link.url())).body(link);
    }

    @DeleteMapping("/api/v1/projects/{projectId}/reports/{reportId}/share/{shareId}")
    ResponseEntity<Void> revoke(@PathVariable String projectId, @PathVariable String reportId,
            @PathVariable String shareId, Authentication caller) {
        projects.require(projectId, caller.getName(), "projectId");
        ReportStore.StoredReport report = reports.find(projectId, reportId);
        if (!links.revoke(report.id(), Reports.uuid(shareId, "shareId"))) {
            throw new ReporterException(ReporterException.Reason.NOT_FOUND, "no share link " + shareId);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/share/{token}")
    ResponseEntity<byte[]> open(@PathVariable String token, @RequestParam(required = false) String format) {
        ReportStore.StoredReport report = store.find(links.reportOf(token))
                .orElseThrow(() -> new ReporterException(ReporterException.Reason.NOT_FOUND, "no such report"));
        return downloads.download(report, format == null ? "html" : format);
    }

    private static Duration duration(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw ReporterException.invalidParameter(ReporterException.Reason.INVALID_PARAMETER, "expiresIn",
                    "must be an ISO-8601 duration such as P7D or PT12H, was '" + value + "'");
        }
    }
}
