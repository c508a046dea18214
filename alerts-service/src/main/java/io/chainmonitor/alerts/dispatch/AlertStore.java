package io.chainmonitor.alerts.dispatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.events.EventCodec;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;

/** The alert and alert_group tables. */
@Component
public class AlertStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AlertStore(JdbcClient jdbc, EventCodec codec) {
        this.jdbc = jdbc;
        this.json = codec.mapper();
    }

    Optional<AlertRow> find(String projectId, String fingerprint) {
        return jdbc.sql("select * from alert where project_id = ? and fingerprint = ?").params(projectId, fingerprint)
                .query((rs, row) -> row(rs)).optional();
    }

    public List<AlertRow> inGroup(String projectId, String groupKey) {
        return jdbc.sql("select * from alert where project_id = ? and group_key = ? order by fingerprint")
                .params(projectId, groupKey).query((rs, row) -> row(rs)).list();
    }

    /** The project's firing alerts: the candidates that may inhibit others. */
    public List<AlertRow> firing(String projectId) {
        return jdbc.sql("select * from alert where project_id = ? and status = 'firing'").param(projectId)
                .query((rs, row) -> row(rs)).list();
    }

    void save(String projectId, Finding finding, String groupKey, Severity severity, Instant now, boolean reopened) {
        jdbc.sql("""
                insert into alert (project_id, fingerprint, group_key, severity, status, finding, updated_at)
                values (?, ?, ?, ?, ?, cast(? as jsonb), ?)
                on conflict (project_id, fingerprint) do update set group_key = excluded.group_key,
                  severity = excluded.severity, status = excluded.status, finding = excluded.finding,
                  updated_at = excluded.updated_at,
                  notified_status = case when ? then null else alert.notified_status end,
                  acked_at = case when ? then null else alert.acked_at end,
                  acked_by = case when ? then null else alert.acked_by end,
                  tier_index = case when ? then 0 else alert.tier_index end,
                  escalate_at = case when ? or excluded.status = 'resolved' then null else alert.escalate_at end
                """)
                .params(projectId, finding.fingerprint(), groupKey, severity.wireName(), status(finding),
                        json.writeValueAsString(finding), Timestamp.from(now), reopened, reopened, reopened, reopened,
                        reopened)
                .update();
    }

    void markTold(String projectId, String fingerprint, String status, Instant escalateAt) {
        jdbc.sql(
                "update alert set notified_status = ?, escalate_at = coalesce(?, escalate_at) where project_id = ? and fingerprint = ?")
                .params(status, escalateAt == null ? null : Timestamp.from(escalateAt), projectId, fingerprint)
                .update();
    }

    /** Schedules the group's next notification; an earlier plan already made stands (Postgres' least skips nulls). */
    void scheduleFlush(String projectId, String groupKey, String route, Severity severity, Instant flushAt) {
        jdbc.sql("""
                insert into alert_group (project_id, group_key, route, severity, flush_at) values (?, ?, ?, ?, ?)
                on conflict (project_id, group_key) do update set route = excluded.route,
                  flush_at = least(alert_group.flush_at, excluded.flush_at)
                """)
                .params(projectId, groupKey, route, severity.wireName(), Timestamp.from(flushAt)).update();
    }

    Optional<Instant> lastFlush(String projectId, String groupKey) {
        return jdbc.sql("select last_flush_at from alert_group where project_id = ? and group_key = ?")
                .params(projectId, groupKey)
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).optional()
                .flatMap(value -> value);
    }

    private AlertRow row(ResultSet rs) throws SQLException {
        Timestamp acked = rs.getTimestamp("acked_at");
        Timestamp escalate = rs.getTimestamp("escalate_at");
        return new AlertRow(rs.getString("project_id"), rs.getString("fingerprint"), rs.getString("group_key"),
                Severity.fromWire(rs.getString("severity")), json.readValue(rs.getString("finding"), Finding.class),
                rs.getString("notified_status"), acked == null ? null : acked.toInstant(), rs.getInt("tier_index"),
                escalate == null ? null : escalate.toInstant());
    }

    private static String status(Finding finding) {
        return finding.status() == Finding.Status.FIRING ? "firing" : "resolved";
    }
}
