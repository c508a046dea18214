package io.chainmonitor.reporter.query;

import java.util.List;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.chainmonitor.reporter.ReporterException;
import io.chainmonitor.reporter.ReporterProperties;
import io.chainmonitor.reporter.project.Projects;

/** The incident table: one row per incident, most severe first, newest first within a tier. */
@RestController
class IncidentController {

    private static final List<String> STATUSES = List.of("firing", "resolved");

    private final IncidentQueries queries;
    private final Projects projects;
    private final ReporterProperties properties;

    IncidentController(IncidentQueries queries, Projects projects, ReporterProperties properties) {
        this.queries = queries;
        this.projects = projects;
        this.properties = properties;
    }

    @GetMapping("/api/v1/incidents")
    Page<IncidentView> list(@RequestParam MultiValueMap<String, String> query, Authentication caller) {
        ListingFilter filter = ListingFilter.read(query, STATUSES, properties.query().defaultLimit(),
                properties.query().maxLimit());
        if (filter.project() != null) {
            projects.require(filter.project(), caller.getName(), "project");
        }
        return queries.list(filter, caller.getName());
    }

    @GetMapping("/api/v1/incidents/{id}")
    IncidentView one(@PathVariable String id, Authentication caller) {
        return queries.find(uuid(id, "id"), caller.getName()).orElseThrow(
                () -> new ReporterException(ReporterException.Reason.NOT_FOUND, "no incident " + id + " of yours"));
    }

    private static UUID uuid(String value, String parameter) {
        return ListingFilter.uuid(value, parameter);
    }
}
