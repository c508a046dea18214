package io.chainmonitor.reporter.report;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.chainmonitor.reporter.ReporterException;
import io.chainmonitor.reporter.project.Projects;

/** A project's report schedule: {@code GET|PUT|DELETE /api/v1/projects/{id}/report-schedule}. */
@RestController
class ScheduleController {

    private final ReportSchedules schedules;
    private final Projects projects;

    ScheduleController(ReportSchedules schedules, Projects projects) {
        this.schedules = schedules;
        this.projects = projects;
    }

    /** {@code cadence} is daily or weekly; {@code kinds} project_summary and/or health (project_summary if empty). */
    record ScheduleRequest(String cadence, List<String> kinds) {
    }

    @PutMapping("/api/v1/projects/{projectId}/report-schedule")
    ReportSchedules.Schedule put(@PathVariable String projectId, @RequestBody ScheduleRequest request,
            Authentication caller) {
        projects.require(projectId, caller.getName(), "projectId");
        return schedules.put(projectId, request.cadence(), request.kinds(), caller.getName());
    }

    @GetMapping("/api/v1/projects/{projectId}/report-schedule")
    ReportSchedules.Schedule get(@PathVariable String projectId, Authentication caller) {
        projects.require(projectId, caller.getName(), "projectId");
        return schedules.get(projectId).orElseThrow(() -> new ReporterException(ReporterException.Reason.NOT_FOUND,
                "project " + projectId + " has no report schedule"));
    }

    @DeleteMapping("/api/v1/projects/{projectId}/report-schedule")
    ResponseEntity<Void> delete(@PathVariable String projectId, Authentication caller) {
        projects.require(projectId, caller.getName(), "projectId");
        if (!schedules.delete(projectId)) {
            throw new ReporterException(ReporterException.Reason.NOT_FOUND,
                    "project " + projectId + " has no report schedule");
        }
        return ResponseEntity.noContent().build();
    }
}
