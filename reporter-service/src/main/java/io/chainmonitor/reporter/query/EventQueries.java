package io.chainmonitor.reporter.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.events.EventCodec;
import io.chainmonitor.events.Severity;
import io.chainmonitor.reporter.ingest.EventKind;

/** Reads stored events: listings in severity-then-time order with keyset pagination, and the events of a finding. */
@Repository
public class EventQueries {

    private static final String COLUMNS = "id, kind, project_id, severity, at, replica_id, status, rule, attack,"
            + " title, summary, envelope::text AS envelope";

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonMapper json;

    EventQueries(NamedParameterJdbcTemplate jdbc, EventCodec codec) {
        this.jdbc = jdbc;
        this.json = codec.mapper();
    }

    public Page<EventView> list(EventKind kind, ListingFilter filter, String owner) {
        Conditions where = Conditions.of(filter, owner, "at", "rule").add("kind = :kind", "kind", kind.column());
        List<EventView> rows = jdbc.query("SELECT " + COLUMNS + " FROM event WHERE " + where.sql()
                + " ORDER BY severity_rank, at DESC, id DESC LIMIT " + (filter.limit() + 1), where.parameters(),
                this::view);
        return Page.of(rows, filter.limit(), EventView::cursor);
    }

    /** Events of the kinds given that name {@code fingerprint}, of one project, oldest first. */
    public List<EventView> byFingerprint(String projectId, String fingerprint, List<EventKind> kinds) {
        return jdbc.query("SELECT " + COLUMNS + " FROM event WHERE project_id = :project AND kind IN (:kinds)"
                + " AND fingerprints @> jsonb_build_array(CAST(:fingerprint AS text)) ORDER BY at, id",
                new MapSqlParameterSource()
                        .addValue("project", projectId)
                        .addValue("kinds", kinds.stream().map(EventKind::column).toList())
                        .addValue("fingerprint", fingerprint),
                this::view);
    }

    /**
     * The project's health report of that {@code reportId}, or its latest one up to {@code until} when the id is
     * null; the newest first walk of the listing index finds the latest without reading the others.
     */
    public Optional<EventView> healthReport(String projectId, String reportId, Instant until) {
        return jdbc.query("SELECT " + COLUMNS + " FROM event WHERE kind = 'health_report' AND project_id = :project"
                + " AND at <= :until AND (CAST(:reportId AS text) IS NULL"
                + " OR envelope -> 'data' ->> 'reportId' = CAST(:reportId AS text)) ORDER BY at DESC, id DESC LIMIT 1",
                new MapSqlParameterSource("project", projectId).addValue("until", Timestamp.from(until))
                        .addValue("reportId", reportId),
                this::view).stream().findFirst();
    }

    /** The events of one project and kind in a time range, oldest first. */
    public List<EventView> inRange(String projectId, EventKind kind, Instant from, Instant to) {
        return jdbc.query("SELECT " + COLUMNS + " FROM event WHERE project_id = :project AND kind = :kind"
                + " AND at >= :from AND at < :to ORDER BY at, id",
                new MapSqlParameterSource()
                        .addValue("project", projectId)
                        .addValue("kind", kind.column())
                        .addValue("from", Timestamp.from(from))
                        .addValue("to", Timestamp.from(to)),
                this::view);
    }

    private EventView view(ResultSet rs, int row) throws SQLException {
        Severity severity = Severity.fromWire(rs.getString("severity"));
        return new EventView(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("project_id"),
                severity, severity.label(), rs.getTimestamp("at").toInstant(), rs.getString("replica_id"),
                rs.getString("status"), rs.getString("rule"), rs.getString("attack"), rs.getString("title"),
                rs.getString("summary"), json.readTree(rs.getString("envelope")));
    }
}
