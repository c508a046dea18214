package io.chainmonitor.health.check;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.chainmonitor.events.health.HealthReport;
import io.chainmonitor.support.web.DomainProblemException;

/** Health checks of a project: run one now, list the latest, read one. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/health-checks")
class HealthCheckController {

    static final int MAX_LIST = 200;

    private final HealthChecks checks;
    private final CheckState state;

    HealthCheckController(HealthChecks checks, CheckState state) {
        this.checks = checks;
        this.state = state;
    }

    /** Runs the checks now; the body is the report as stored and published (the event's JSON). */
    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> run(@PathVariable String projectId) {
        requireKnown(projectId);
        HealthReport report = checks.check(projectId, HealthReport.Trigger.ON_DEMAND);
        return ResponseEntity
                .created(URI.create("/api/v1/projects/" + projectId + "/health-checks/" + report.reportId()))
                .body(state.report(projectId, UUID.fromString(report.reportId())).orElseThrow());
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    String list(@PathVariable String projectId, @RequestParam(defaultValue = "20") int limit) {
        requireKnown(projectId);
        if (limit < 1 || limit > MAX_LIST) {
            throw new DomainProblemException(HttpStatus.BAD_REQUEST, "invalid-request",
                    "'limit' must be between 1 and " + MAX_LIST);
        }
        List<String> reports = state.reports(projectId, limit);
        return "[" + String.join(",", reports) + "]";
    }

    @GetMapping(path = "/{reportId}", produces = MediaType.APPLICATION_JSON_VALUE)
    String get(@PathVariable String projectId, @PathVariable UUID reportId) {
        return state.report(projectId, reportId).orElseThrow(() -> new DomainProblemException(HttpStatus.NOT_FOUND,
                "not-found", "no health report " + reportId + " for project " + projectId));
    }

    private void requireKnown(String projectId) {
        if (!state.knows(projectId)) {
            throw new DomainProblemException(HttpStatus.NOT_FOUND, "not-found",
                    "the health service knows no project " + projectId);
        }
    }
}
