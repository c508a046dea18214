package io.chainmonitor.alerts.dispatch;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.chainmonitor.alerts.config.Policies;
import io.chainmonitor.alerts.routing.AlertPolicy;
import io.chainmonitor.alerts.silence.Silences;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.alert.AlertNotification;
import io.chainmonitor.events.finding.Finding;

/**
 * Tells groups whose timer is due: new firing alerts (with the rest of the group still firing), resolutions, and
 * reminders of what is still firing and unacknowledged. Low/Info groups in quiet hours wait for the end of the window
 * and go out as one digest. Each group is handled in its own transaction, locked, so that queueing its deliveries and
 * moving its timers happen together.
 */
@Component
class GroupFlusher {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AlertStore alerts;
    private final Policies policies;
    private final Silences silences;
    private final Notifications notifications;
    private final Clock clock;

    GroupFlusher(JdbcClient jdbc, TransactionTemplate transactions, AlertStore alerts, Policies policies,
            Silences silences, Notifications notifications, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.alerts = alerts;
        this.policies = policies;
        this.silences = silences;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Handles every group whose flush or reminder is due; returns how many. */
    int run() {
        Instant now = clock.instant();
        List<GroupKey> due = jdbc.sql("""
                select project_id, group_key from alert_group where flush_at <= ? or repeat_at <= ?
                order by least(flush_at, repeat_at) limit 200
                """)
                .params(Timestamp.from(now), Timestamp.from(now))
                .query((rs, row) -> new GroupKey(rs.getString(1), rs.getString(2))).list();
        for (GroupKey key : due) {
            transactions.executeWithoutResult(status -> handle(key, now));
        }
        return due.size();
    }

    private void handle(GroupKey key, Instant now) {
        Optional<Group> locked = jdbc.sql("""
                select route, severity, flush_at, repeat_at, digest from alert_group
                where project_id = ? and group_key = ? for update skip locked
                """)
                .params(key.projectId(), key.groupKey())
                .query((rs, row) -> new Group(rs.getString("route"), Severity.fromWire(rs.getString("severity")),
                        instant(rs.getTimestamp("flush_at")), instant(rs.getTimestamp("repeat_at")),
                        rs.getBoolean("digest")))
                .optional();
        if (locked.isEmpty()) {
            return; // another instance has it
        }
        Group group = locked.get();
        AlertPolicy policy = policies.policy(key.projectId());
        List<AlertRow> members = alerts.inGroup(key.projectId(), key.groupKey());
        Optional<AlertPolicy.Route> route = members.isEmpty()
                ? Optional.empty()
                : Visibility.route(policy, group.route(), members.getFirst());
        if (route.isEmpty()) {
            update(key, null, null, false, null);
            return; // nobody to tell: no policy, or no route for these findings
        }
        AlertPolicy.Timing timing = policy.timing(group.severity());
        boolean flushDue = group.flushAt() != null && !group.flushAt().isAfter(now);
        if (flushDue && group.severity() == Severity.LOW && policy.quietHours() != null
                && policy.quietHours().contains(now)) {
            update(key, policy.quietHours().nextEnd(now), group.repeatAt(), true, null);
            return;
        }
        Visibility visibility = new Visibility(silences.active(key.projectId(), now),
                alerts.firing(key.projectId()).stream().map(AlertRow::candidate).toList(), now);
        List<AlertRow> open = members.stream().filter(AlertRow::firing).filter(a -> a.ackedAt() == null).toList();
        List<AlertRow> visibleOpen = open.stream().filter(visibility::visible).toList();
        boolean told = false;
        if (flushDue) {
            List<AlertRow> fresh = visibleOpen.stream().filter(alert -> !alert.told()).toList();
            if (!fresh.isEmpty()) {
                AlertNotification.Kind kind = group.digest()
                        ? AlertNotification.Kind.DIGEST
                        : AlertNotification.Kind.FIRING;
                notifications.tell(key.projectId(), key.groupKey(), policy, route.get(), 0, kind, group.severity(),
                        findings(visibleOpen));
                Instant escalateAt = timing.escalateAfter().isZero() || route.get().tiers().size() < 2
                        ? null
                        : now.plus(timing.escalateAfter());
                fresh.forEach(alert -> alerts.markTold(key.projectId(), alert.fingerprint(), "firing", escalateAt));
                told = true;
            }
            List<AlertRow> resolved = members.stream().filter(alert -> !alert.firing() && alert.told()).toList();
            if (!resolved.isEmpty()) {
                int reached = resolved.stream().mapToInt(AlertRow::tierIndex).max().orElse(0);
                for (int tier = 0; tier <= reached; tier++) {
                    notifications.tell(key.projectId(), key.groupKey(), policy, route.get(), tier,
                            AlertNotification.Kind.RESOLVED, group.severity(), findings(resolved));
                }
                resolved.forEach(alert -> alerts.markTold(key.projectId(), alert.fingerprint(), "resolved", null));
            }
        } else if (group.repeatAt() != null && !group.repeatAt().isAfter(now) && !visibleOpen.isEmpty()) {
            int reached = visibleOpen.stream().mapToInt(AlertRow::tierIndex).max().orElse(0);
            for (int tier = 0; tier <= reached; tier++) {
                notifications.tell(key.projectId(), key.groupKey(), policy, route.get(), tier,
                        AlertNotification.Kind.REPEAT, group.severity(), findings(visibleOpen));
            }
            visibleOpen.stream().filter(alert -> !alert.told())
                    .forEach(alert -> alerts.markTold(key.projectId(), alert.fingerprint(), "firing", null));
            told = true;
        }
        // Reminders go on while anything is open, told or hidden, so that an alert whose silence ends is told then.
        Instant repeatAt = open.isEmpty()
                ? null
                : told || group.repeatAt() == null || !group.repeatAt().isAfter(now)
                        ? now.plus(timing.repeatInterval())
                        : group.repeatAt();
        update(key, flushDue ? null : group.flushAt(), repeatAt, false, flushDue ? now : null);
    }

    private void update(GroupKey key, Instant flushAt, Instant repeatAt, boolean digest, Instant flushedAt) {
        jdbc.sql("""
                update alert_group set flush_at = ?, repeat_at = ?, digest = ?,
                  last_flush_at = coalesce(?, last_flush_at)
                where project_id = ? and group_key = ?
                """)
                .params(timestamp(flushAt), timestamp(repeatAt), digest, timestamp(flushedAt), key.projectId(),
                        key.groupKey())
                .update();
    }

    private static List<Finding> findings(List<AlertRow> rows) {
        return rows.stream().map(AlertRow::finding).toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private record GroupKey(String projectId, String groupKey) {
    }

    private record Group(String route, Severity severity, Instant flushAt, Instant repeatAt, boolean digest) {
    }
}
