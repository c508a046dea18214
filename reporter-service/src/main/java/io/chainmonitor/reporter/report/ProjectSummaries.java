package io.chainmonitor.reporter.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.chainmonitor.events.Severity;
import io.chainmonitor.reporter.ingest.EventKind;
import io.chainmonitor.reporter.project.Projects.ProjectInfo;
import io.chainmonitor.reporter.query.EventQueries;
import io.chainmonitor.reporter.query.EventView;
import io.chainmonitor.reporter.query.IncidentQueries;
import io.chainmonitor.reporter.query.IncidentView;

/**
 * A project's summary over a period: incidents by severity and by attack, the incidents themselves, replica uptime
 * (the share of health reports that found each replica healthy), chain metric highlights from the hourly rollups,
 * and the wire listener's top sources and categories.
 */
@Component
class ProjectSummaries {

    private static final int TOP = 10;

    private final IncidentQueries incidents;
    private final EventQueries events;
    private final NamedParameterJdbcTemplate jdbc;

    ProjectSummaries(IncidentQueries incidents, EventQueries events, NamedParameterJdbcTemplate jdbc) {
        this.incidents = incidents;
        this.events = events;
        this.jdbc = jdbc;
    }

    ReportDocument build(UUID reportId, ProjectInfo project, Instant from, Instant to, Instant generatedAt) {
        List<IncidentView> started = incidents.startedIn(project.id(), from, to);
        List<EventView> health = events.inRange(project.id(), EventKind.HEALTH_REPORT, from, to);
        List<EventView> wire = events.inRange(project.id(), EventKind.WIRE_INCIDENT, from, to);
        long firing = started.stream().filter(i -> "firing".equals(i.status())).count();
        List<ReportDocument.Section> sections = new ArrayList<>();
        sections.add(ReportDocument.Section.table("Incidents by severity", List.of(),
                List.of("Severity", "Incidents", "Firing", "Resolved"), bySeverity(started)));
        sections.add(ReportDocument.Section.table("Incidents by attack", List.of(), List.of("Attack", "Incidents"),
                counted(started, i -> i.attack() == null ? "none named" : i.attack())));
        sections.add(ReportDocument.Section.table("Incidents",
                started.isEmpty() ? List.of("No incident started in the period.") : List.of(),
                List.of("Since", "Severity", "What", "Status", "Replica"),
                started.stream().map(i -> List.of(ReportDocument.human(i.since()), i.severityLabel(), i.what(),
                        i.status(), i.where().replicaId() == null ? "" : i.where().replicaId())).toList()));
        sections.add(ReportDocument.Section.table("Replica uptime",
                List.of("Share of the period's " + health.size() + " health report(s) that found the replica "
                        + "healthy."),
                List.of("Replica", "Reports", "Healthy", "Uptime"), uptime(health)));
        sections.add(ReportDocument.Section.table("Chain metrics highlights",
                List.of("From the hourly rollups of the chain metrics, all replicas together."),
                List.of("Metric", "Min", "Max", "Average", "Samples"), chainMetrics(project.id(), from, to)));
        sections.add(ReportDocument.Section.table("Wire listener: top sources", List.of(),
                List.of("Source address", "Requests"),
                counted(wire, w -> w.event().get("data").path("sourceAddress").asString())));
        sections.add(ReportDocument.Section.table("Wire listener: top categories", List.of(),
                List.of("Classification", "Requests"), counted(wire, EventView::rule)));
        return new ReportDocument(reportId.toString(), ReportKind.PROJECT_SUMMARY.wire(),
                "Project summary: " + project.name(), project.id(), project.name(), generatedAt, from, to,
                List.of(new ReportDocument.Fact("Period", ReportDocument.human(from) + " to "
                        + ReportDocument.human(to)), new ReportDocument.Fact("Incidents",
                                started.size() + " ("
                                        + firing + " still firing)"),
                        new ReportDocument.Fact("Health reports", Integer.toString(health.size())),
                        new ReportDocument.Fact("Wire incidents", Integer.toString(wire.size()))),
                sections);
    }

    private static List<List<String>> bySeverity(List<IncidentView> started) {
        List<List<String>> rows = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            List<IncidentView> tier = started.stream().filter(i -> i.severity() == severity).toList();
            long firing = tier.stream().filter(i -> "firing".equals(i.status())).count();
            rows.add(List.of(severity.label(), Integer.toString(tier.size()), Long.toString(firing),
                    Long.toString(tier.size() - firing)));
        }
        return rows;
    }

    /** The {@value #TOP} most frequent values, most frequent first, ties by value. */
    private static <T> List<List<String>> counted(List<T> items, Function<T, String> key) {
        Map<String, Long> counts = items.stream().collect(Collectors.groupingBy(key, TreeMap::new,
                Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP).map(e -> List.of(e.getKey(), Long.toString(e.getValue()))).toList();
    }

    private static List<List<String>> uptime(List<EventView> health) {
        Map<String, long[]> replicas = new TreeMap<>();
        for (EventView report : health) {
            report.event().get("data").path("replicas").values().forEach(r -> {
                long[] counts = replicas.computeIfAbsent(r.path("replicaId").asString(), id -> new long[2]);
                counts[0]++;
                if ("healthy".equals(r.path("status").asString())) {
                    counts[1]++;
                }
            });
        }
        return replicas.entrySet().stream().map(e -> List.of(e.getKey(), Long.toString(e.getValue()[0]),
                Long.toString(e.getValue()[1]),
                String.format(Locale.ROOT, "%.1f%%", 100.0 * e.getValue()[1] / e.getValue()[0]))).toList();
    }

    private List<List<String>> chainMetrics(String projectId, Instant from, Instant to) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        jdbc.query("""
                SELECT metric, MIN(min_value), MAX(max_value), SUM(sum_value) / SUM(sample_count), SUM(sample_count)
                  FROM metric_rollup
                 WHERE resolution = 'hour' AND project_id = :project AND metric LIKE 'chain.%'
                   AND bucket_start >= date_trunc('hour', CAST(:from AS timestamptz)) AND bucket_start < :to
                 GROUP BY metric ORDER BY metric LIMIT 50
                """, new MapSqlParameterSource("project", projectId).addValue("from", Timestamp.from(from))
                .addValue("to", Timestamp.from(to)), rs -> {
                    rows.put(rs.getString(1), List.of(rs.getString(1), format(rs.getDouble(2)),
                            format(rs.getDouble(3)), format(rs.getDouble(4)), Long.toString(rs.getLong(5))));
                });
        return rows.values().stream().sorted(Comparator.comparing(List::getFirst)).toList();
    }

    private static String format(double value) {
        return ReportDocument.number(value);
    }
}
