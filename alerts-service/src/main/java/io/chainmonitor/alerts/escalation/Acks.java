package io.chainmonitor.alerts.escalation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.chainmonitor.alerts.AlertsException;
import io.chainmonitor.alerts.audit.AuditTrail;

/** Acknowledgements: an acknowledged alert is neither repeated nor escalated; its resolution is still told. */
@Component
class Acks {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Acks(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    void acknowledge(String projectId, String fingerprint, String actor) {
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                update alert set acked_at = coalesce(acked_at, ?), acked_by = coalesce(acked_by, ?), escalate_at = null
                where project_id = ? and fingerprint = ? and status = 'firing'
                """)
                .params(Timestamp.from(now), actor, projectId, fingerprint).update();
        if (updated == 0) {
            throw new AlertsException(AlertsException.Reason.NOT_FOUND, "no firing alert " + fingerprint);
        }
        audit.record(projectId, actor, "alerts.alert.acknowledged", "alert", fingerprint, Map.of());
    }

    /** Acknowledges every firing alert of the group; returns how many. */
    @Transactional
    int acknowledgeGroup(String projectId, String groupKey, String actor) {
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                update alert set acked_at = ?, acked_by = ?, escalate_at = null
                where project_id = ? and group_key = ? and status = 'firing' and acked_at is null
                """)
                .params(Timestamp.from(now), actor, projectId, groupKey).update();
        audit.record(projectId, actor, "alerts.group.acknowledged", "alert-group", groupKey,
                Map.of("alerts", Integer.toString(updated)));
        return updated;
    }
}
