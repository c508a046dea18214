package io.chainmonitor.reporter.metric;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.events.EventCodec;
import io.chainmonitor.reporter.ReporterException;
import io.chainmonitor.reporter.ReporterException.Reason;
import io.chainmonitor.reporter.ReporterProperties;
import io.chainmonitor.reporter.project.Projects;
import io.chainmonitor.reporter.query.ListingFilter;

/**
 * A metric's series for charts: {@code GET /api/v1/projects/{id}/metrics/series?metric=…&replica=…&from=…&to=…
 * &resolution=raw|minute|hour}; raw points carry their value, rollup points min, max, average, count and last.
 */
@RestController
class MetricSeriesController {

    private static final Set<String> PARAMETERS = Set.of("metric", "replica", "from", "to", "resolution");

    private final NamedParameterJdbcTemplate jdbc;
    private final Projects projects;
    private final ReporterProperties properties;
    private final JsonMapper json;

    MetricSeriesController(NamedParameterJdbcTemplate jdbc, Projects projects, ReporterProperties properties,
            EventCodec codec) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.properties = properties;
        this.json = codec.mapper();
    }

    @GetMapping("/api/v1/projects/{projectId}/metrics/series")
    Series series(@PathVariable String projectId, @RequestParam MultiValueMap<String, String> query,
            Authentication caller) {
        projects.require(projectId, caller.getName(), "projectId");
        ListingFilter.requireKnown(query, PARAMETERS);
        String metric = ListingFilter.text(query, "metric");
        if (metric == null) {
            throw ReporterException.invalidParameter(Reason.INVALID_PARAMETER, "metric", "is required");
        }
        Resolution resolution = resolution(ListingFilter.text(query, "resolution"));
        Instant to = ListingFilter.instant(query, "to");
        Instant from = ListingFilter.instant(query, "from");
        ListingFilter.requireOrdered(from, to);
        String replica = ListingFilter.text(query, "replica");
        MapSqlParameterSource parameters = new MapSqlParameterSource("project", projectId).addValue("metric", metric)
                .addValue("from", Timestamp.from(from == null ? Instant.EPOCH : from))
                .addValue("to", Timestamp.from(to == null ? Instant.parse("9999-01-01T00:00:00Z") : to))
                .addValue("replica", replica).addValue("resolution", resolution.column())
                .addValue("max", properties.query().maxSeriesPoints() + 1);
        String replicaClause = replica == null ? "" : " AND replica_id = :replica";
        List<Point> points = resolution == Resolution.RAW
                ? jdbc.query("SELECT replica_id, labels::text, observed_at, value, unit FROM metric_sample"
                        + " WHERE project_id = :project AND metric = :metric AND observed_at >= :from"
                        + " AND observed_at < :to" + replicaClause
                        + " ORDER BY observed_at, replica_id, labels_key LIMIT :max", parameters,
                        (rs, row) -> new Point(rs.getString(1), labels(rs.getString(2)),
                                rs.getTimestamp(3).toInstant(), rs.getDouble(4), null, null, null, null,
                                rs.getString(5)))
                : jdbc.query("SELECT replica_id, labels::text, bucket_start, last_value, min_value, max_value,"
                        + " sum_value / sample_count, sample_count, unit FROM metric_rollup"
                        + " WHERE resolution = :resolution AND project_id = :project AND metric = :metric"
                        + " AND bucket_start >= :from AND bucket_start < :to" + replicaClause
                        + " ORDER BY bucket_start, replica_id, labels_key LIMIT :max", parameters,
                        (rs, row) -> new Point(rs.getString(1), labels(rs.getString(2)),
                                rs.getTimestamp(3).toInstant(), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6),
                                rs.getDouble(7), rs.getLong(8), rs.getString(9)));
        if (points.size() > properties.query().maxSeriesPoints()) {
            throw ReporterException.invalidParameter(Reason.TOO_MANY_POINTS, "resolution",
                    "gives more than " + properties.query().maxSeriesPoints()
                            + " points for this range: narrow 'from'/'to' or choose a coarser resolution");
        }
        return new Series(projectId, metric, resolution.column(), points);
    }

    private Map<String, String> labels(String text) {
        return json.readValue(text, new TypeReference<Map<String, String>>() {
        });
    }

    private static Resolution resolution(String value) {
        if (value == null) {
            return Resolution.MINUTE;
        }
        try {
            return Resolution.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ReporterException.invalidParameter(Reason.INVALID_PARAMETER, "resolution",
                    "must be one of raw, minute, hour, was '" + value + "'");
        }
    }

    /** A series: its points in time order, one per replica and label set at each time. */
    record Series(String projectId, String metric, String resolution, List<Point> points) {
    }

    /**
     * One point; {@code value} is the sample (raw) or the bucket's last value, the rest is set for rollups only.
     */
    record Point(String replicaId, Map<String, String> labels, Instant at, double value, Double min, Double max,
            Double avg, Long count, String unit) {
    }
}
