package io.chainmonitor.alerts.dispatch;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.chainmonitor.alerts.AlertsException;
import io.chainmonitor.alerts.config.ProjectDirectory;

/** The notification log of a project, newest attempt first: what was sent to whom, and what failed and why. */
@RestController
class NotificationLogController {

    private static final int MAX_LIMIT = 500;

    private final ProjectDirectory projects;
    private final JdbcClient jdbc;

    NotificationLogController(ProjectDirectory projects, JdbcClient jdbc) {
        this.projects = projects;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/projects/{projectId}/alerts/notifications")
    List<Attempt> attempts(@PathVariable String projectId, @RequestParam(defaultValue = "100") int limit,
            Authentication caller) {
        projects.requireOwner(projectId, caller.getName());
        if (limit < 1 || limit > MAX_LIMIT) {
            throw AlertsException.invalidField(AlertsException.Reason.INVALID_REQUEST, "limit",
                    "must be between 1 and " + MAX_LIMIT);
        }
        return jdbc.sql("""
                select d.id, d.group_key, d.kind, d.channel, d.recipient, d.tier, d.status, a.attempt, a.outcome,
                       a.failure_reason, a.detail, a.at
                from notification_attempt a join delivery d on d.id = a.delivery_id
                where d.project_id = ? order by a.at desc, a.attempt desc limit ?
                """)
                .params(projectId, limit)
                .query((rs, row) -> new Attempt(rs.getString("id"), rs.getString("group_key"),
                        rs.getString("kind").toLowerCase(java.util.Locale.ROOT), rs.getString("channel"),
                        rs.getString("recipient"), rs.getString("tier"), rs.getInt("attempt"),
                        rs.getString("outcome"), rs.getString("failure_reason"), rs.getString("detail"),
                        rs.getString("status"), rs.getTimestamp("at").toInstant()))
                .list();
    }

    /** One attempt; {@code deliveryStatus} is where its delivery stands now (pending, delivered, failed). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Attempt(String notificationId, String groupKey, String kind, String channel, String recipient, String tier,
            int attempt, String outcome, String failureReason, String detail, String deliveryStatus, Instant at) {
    }
}
