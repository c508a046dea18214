package io.chainmonitor.reporter.query;

import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.chainmonitor.reporter.ReporterException;
import io.chainmonitor.reporter.ReporterProperties;
import io.chainmonitor.reporter.ingest.EventKind;
import io.chainmonitor.reporter.project.Projects;

/**
 * The history of every kept stream: {@code GET /api/v1/{findings|wire-incidents|health-reports|notifications|actions|
 * audit}}, filtered, sorted by severity then time, a page at a time.
 */
@RestController
class EventController {

    private final EventQueries queries;
    private final Projects projects;
    private final ReporterProperties properties;

    EventController(EventQueries queries, Projects projects, ReporterProperties properties) {
        this.queries = queries;
        this.projects = projects;
        this.properties = properties;
    }

    @GetMapping("/api/v1/{kind:findings|wire-incidents|health-reports|notifications|actions|audit}")
    Page<EventView> list(@PathVariable String kind, @RequestParam MultiValueMap<String, String> query,
            Authentication caller) {
        EventKind eventKind = EventKind.byPath(kind)
                .orElseThrow(() -> new ReporterException(ReporterException.Reason.NOT_FOUND, "no listing " + kind));
        ListingFilter filter = ListingFilter.read(query, eventKind.statuses(), properties.query().defaultLimit(),
                properties.query().maxLimit());
        if (filter.project() != null) {
            projects.require(filter.project(), caller.getName(), "project");
        }
        return queries.list(eventKind, filter, caller.getName());
    }
}
