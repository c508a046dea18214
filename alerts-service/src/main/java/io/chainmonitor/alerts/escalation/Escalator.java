package io.chainmonitor.alerts.escalation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.chainmonitor.alerts.config.Policies;
import io.chainmonitor.alerts.dispatch.AlertRow;
import io.chainmonitor.alerts.dispatch.AlertStore;
import io.chainmonitor.alerts.dispatch.LifecycleTicker;
import io.chainmonitor.alerts.dispatch.Notifications;
import io.chainmonitor.alerts.dispatch.Visibility;
import io.chainmonitor.alerts.routing.AlertPolicy;
import io.chainmonitor.alerts.silence.Silences;
import io.chainmonitor.events.alert.AlertNotification;
import io.chainmonitor.events.finding.Finding;

/**
 * Tells the next tier of the route about alerts that were told and not acknowledged within the severity's
 * {@code escalateAfter}; the step reached is stored with the alert, so a restart neither repeats nor skips it.
 */
@Component
class Escalator implements LifecycleTicker.DueWork {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AlertStore alerts;
    private final Policies policies;
    private final Silences silences;
    private final Notifications notifications;
    private final Clock clock;

    Escalator(JdbcClient jdbc, TransactionTemplate transactions, AlertStore alerts, Policies policies,
            Silences silences, Notifications notifications, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.alerts = alerts;
        this.policies = policies;
        this.silences = silences;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Escalates what is due; returns how many groups were escalated. */
    @Override
    public int run() {
        Instant now = clock.instant();
        List<String[]> due = jdbc.sql("""
                select distinct project_id, group_key from alert
                where escalate_at <= ? and status = 'firing' and acked_at is null limit 200
                """)
                .param(Timestamp.from(now)).query((rs, row) -> new String[]{rs.getString(1), rs.getString(2)})
                .list();
        int escalated = 0;
        for (String[] group : due) {
            Boolean done = transactions.execute(status -> escalate(group[0], group[1], now));
            escalated += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return escalated;
    }

    private boolean escalate(String projectId, String groupKey, Instant now) {
        List<AlertRow> dueRows = jdbc.sql("""
                select fingerprint from alert where project_id = ? and group_key = ? and escalate_at <= ?
                  and status = 'firing' and acked_at is null for update skip locked
                """)
                .params(projectId, groupKey, Timestamp.from(now)).query(String.class).list().stream()
                .flatMap(fingerprint -> alerts.inGroup(projectId, groupKey).stream()
                        .filter(alert -> alert.fingerprint().equals(fingerprint)))
                .toList();
        if (dueRows.isEmpty()) {
            return false;
        }
        AlertPolicy policy = policies.policy(projectId);
        Optional<AlertPolicy.Route> route = Visibility.route(policy, groupKey.substring(0, groupKey.lastIndexOf('/')),
                dueRows.getFirst());
        AlertPolicy.Timing timing = policy.timing(dueRows.getFirst().severity());
        Visibility visibility = new Visibility(silences.active(projectId, now),
                alerts.firing(projectId).stream().map(AlertRow::candidate).toList(), now);
        // One message per tier reached, even when the group's alerts were told at different times.
        Map<Integer, List<AlertRow>> byNextTier = new LinkedHashMap<>();
        boolean escalated = false;
        for (AlertRow alert : dueRows) {
            int next = alert.tierIndex() + 1;
            if (route.isEmpty() || next >= route.get().tiers().size()) {
                setStep(projectId, alert.fingerprint(), alert.tierIndex(), null);
            } else if (!visibility.visible(alert)) {
                // Muted now: look again later rather than escalate what nobody may be told.
                setStep(projectId, alert.fingerprint(), alert.tierIndex(), now.plus(timing.escalateAfter()));
            } else {
                byNextTier.computeIfAbsent(next, tier -> new java.util.ArrayList<>()).add(alert);
            }
        }
        for (Map.Entry<Integer, List<AlertRow>> entry : byNextTier.entrySet()) {
            int tier = entry.getKey();
            List<Finding> findings = entry.getValue().stream().map(AlertRow::finding).toList();
            notifications.tell(projectId, groupKey, policy, route.get(), tier, AlertNotification.Kind.ESCALATION,
                    entry.getValue().getFirst().severity(), findings);
            Instant nextAt = tier + 1 < route.get().tiers().size() ? now.plus(timing.escalateAfter()) : null;
            entry.getValue().forEach(alert -> setStep(projectId, alert.fingerprint(), tier, nextAt));
            escalated = true;
        }
        return escalated;
    }

    private void setStep(String projectId, String fingerprint, int tierIndex, Instant escalateAt) {
        jdbc.sql("update alert set tier_index = ?, escalate_at = ? where project_id = ? and fingerprint = ?")
                .params(tierIndex, escalateAt == null ? null : Timestamp.from(escalateAt), projectId, fingerprint)
                .update();
    }
}
