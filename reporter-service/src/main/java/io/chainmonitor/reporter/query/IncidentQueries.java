package io.chainmonitor.reporter.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.events.EventCodec;
import io.chainmonitor.events.Severity;
import io.chainmonitor.reporter.project.Projects;

/**
 * Reads incidents with what was done about them. A notification or action belongs to the incident of its
 * fingerprint whose generation it falls in: at or after the incident's start and before the next generation's.
 */
@Repository
public class IncidentQueries {

    private static final String COLUMNS = "id, project_id, fingerprint, starts_at, status, severity, rule_id, attack,"
            + " title, summary, chain_type, height, block_hash, replica_id, evidence::text AS evidence,"
            + " labels::text AS labels, recommended_actions::text AS recommended, ends_at, first_signal_at,"
            + " last_signal_at, event_count, updated_at";

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonMapper json;

    IncidentQueries(NamedParameterJdbcTemplate jdbc, EventCodec codec) {
        this.jdbc = jdbc;
        this.json = codec.mapper();
    }

    public Page<IncidentView> list(ListingFilter filter, String owner) {
        Conditions where = Conditions.of(filter, owner, "starts_at", "rule_id");
        List<IncidentView> rows = jdbc.query("SELECT " + COLUMNS + " FROM incident WHERE " + where.sql()
                + " ORDER BY severity_rank, starts_at DESC, id DESC LIMIT " + (filter.limit() + 1),
                where.parameters(), this::view);
        Page<IncidentView> page = Page.of(rows, filter.limit(), IncidentView::cursor);
        return new Page<>(withDone(page.items()), page.nextCursor());
    }

    /** One incident, if it belongs to a project of {@code owner}. */
    public Optional<IncidentView> find(UUID id, String owner) {
        return jdbc.query("SELECT " + COLUMNS + " FROM incident WHERE id = :id AND project_id IN ("
                + Projects.OWNED_BY + ")",
                new MapSqlParameterSource("id", id).addValue("owner", owner), this::view)
                .stream().findFirst().map(incident -> withDone(List.of(incident)).getFirst());
    }

    /** One incident of a project, whoever asks: for the live feed and reports, which check access themselves. */
    public Optional<IncidentView> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM incident WHERE id = :id", new MapSqlParameterSource("id", id),
                this::view).stream().findFirst().map(incident -> withDone(List.of(incident)).getFirst());
    }

    /** The incidents of a project that started in a period, most severe first. */
    public List<IncidentView> startedIn(String projectId, Instant from, Instant to) {
        return withDone(jdbc.query("SELECT " + COLUMNS + " FROM incident WHERE project_id = :project"
                + " AND starts_at >= :from AND starts_at < :to ORDER BY severity_rank, starts_at, id",
                new MapSqlParameterSource("project", projectId).addValue("from", Timestamp.from(from))
                        .addValue("to", Timestamp.from(to)),
                this::view));
    }

    private List<IncidentView> withDone(List<IncidentView> incidents) {
        if (incidents.isEmpty()) {
            return incidents;
        }
        List<String> fingerprints = incidents.stream().map(IncidentView::fingerprint).distinct().toList();
        List<String> projects = incidents.stream().map(IncidentView::projectId).distinct().toList();
        MapSqlParameterSource parameters = new MapSqlParameterSource("fingerprints", fingerprints)
                .addValue("projects", projects);
        Map<String, List<Instant>> generations = new HashMap<>();
        jdbc.query("SELECT project_id, fingerprint, starts_at FROM incident WHERE project_id IN (:projects)"
                + " AND fingerprint IN (:fingerprints)", parameters,
                rs -> {
                    generations.computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2),
                            key -> new ArrayList<>()).add(rs.getTimestamp(3).toInstant());
                });
        List<Signal> signals = jdbc.query("""
                SELECT e.project_id, f.fingerprint, e.kind, e.at, e.envelope -> 'data' AS data
                  FROM event e CROSS JOIN LATERAL jsonb_array_elements_text(e.fingerprints) AS f(fingerprint)
                 WHERE e.kind IN ('notification', 'action') AND e.project_id IN (:projects)
                   AND f.fingerprint IN (:fingerprints)
                 ORDER BY e.at, e.id
                """, parameters, (rs, row) -> new Signal(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4).toInstant(), json.readTree(rs.getString(5))));
        List<IncidentView> result = new ArrayList<>();
        for (IncidentView incident : incidents) {
            List<Instant> starts = generations.getOrDefault(incident.projectId() + "\u0000" + incident.fingerprint(),
                    List.of());
            Instant next = starts.stream().filter(start -> start.isAfter(incident.since()))
                    .min(Comparator.naturalOrder()).orElse(null);
            List<IncidentView.NotificationDone> notifications = new ArrayList<>();
            List<IncidentView.ActionDone> actions = new ArrayList<>();
            for (Signal signal : signals) {
                if (!signal.projectId.equals(incident.projectId()) || !signal.fingerprint.equals(incident.fingerprint())
                        || signal.at.isBefore(incident.since()) || next != null && !signal.at.isBefore(next)) {
                    continue;
                }
                JsonNode data = signal.data;
                if (signal.kind.equals("notification")) {
                    notifications.add(new IncidentView.NotificationDone(signal.at, text(data, "kind"),
                            text(data, "channel"), text(data, "recipient"), text(data, "outcome"),
                            text(data, "failureReason")));
                } else {
                    actions.add(new IncidentView.ActionDone(signal.at, text(data, "actionType"),
                            text(data, "target"), text(data, "mode"), text(data, "status"), text(data, "detail")));
                }
            }
            result.add(incident.withDone(new IncidentView.Done(List.copyOf(notifications), List.copyOf(actions))));
        }
        return result;
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private IncidentView view(ResultSet rs, int row) throws SQLException {
        Severity severity = Severity.fromWire(rs.getString("severity"));
        Timestamp endsAt = rs.getTimestamp("ends_at");
        long height = rs.getLong("height");
        Long heightOrNull = rs.wasNull() ? null : height;
        String evidence = rs.getString("evidence");
        return new IncidentView(rs.getObject("id", UUID.class), rs.getString("project_id"), rs.getString("status"),
                severity, severity.label(), rs.getString("title"), rs.getString("summary"),
                new IncidentView.Where(rs.getString("project_id"), rs.getString("chain_type"),
                        rs.getString("replica_id"), heightOrNull, rs.getString("block_hash")),
                rs.getTimestamp("starts_at").toInstant(), endsAt == null ? null : endsAt.toInstant(),
                rs.getString("rule_id"), rs.getString("attack"), rs.getString("fingerprint"),
                evidence == null ? null : json.readTree(evidence),
                json.readValue(rs.getString("labels"), new TypeReference<Map<String, String>>() {
                }), json.readValue(rs.getString("recommended"), new TypeReference<List<String>>() {
                }), IncidentView.Done.NOTHING, rs.getTimestamp("first_signal_at").toInstant(),
                rs.getTimestamp("last_signal_at").toInstant(), rs.getInt("event_count"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private record Signal(String projectId, String fingerprint, String kind, Instant at, JsonNode data) {
    }
}
