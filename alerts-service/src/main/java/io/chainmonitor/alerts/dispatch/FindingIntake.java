package io.chainmonitor.alerts.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.chainmonitor.alerts.config.Policies;
import io.chainmonitor.alerts.routing.AlertPolicy;
import io.chainmonitor.alerts.routing.Router;
import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;

/**
 * Takes findings from {@code cm.findings.v1}: a redelivered event is skipped by its id, a finding that fires again
 * with the same fingerprint only refreshes its alert, a new or reopened one and a resolution of a told alert schedule
 * their group's next notification. Nothing is sent here; the {@link LifecycleTicker} does that.
 */
@Component
class FindingIntake {

    static final String UNROUTED = "unrouted";

    private final JdbcClient jdbc;
    private final AlertStore alerts;
    private final Policies policies;
    private final Clock clock;

    FindingIntake(JdbcClient jdbc, AlertStore alerts, Policies policies, Clock clock) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.policies = policies;
        this.clock = clock;
    }

    @KafkaListener(topics = "cm.findings.v1")
    @Transactional
    public void on(Envelope<?> event) {
        if (!(event.data() instanceof Finding finding) || !firstDelivery(event)) {
            return;
        }
        String projectId = event.projectid();
        Severity severity = event.severity();
        Instant now = clock.instant();
        AlertPolicy policy = policies.policy(projectId);
        String route = Router.route(policy, finding, severity).map(AlertPolicy.Route::name).orElse(UNROUTED);
        String groupKey = route + "/" + severity.wireName();
        Optional<AlertRow> existing = alerts.find(projectId, finding.fingerprint());
        AlertPolicy.Timing timing = policy.timing(severity);
        if (finding.status() == Finding.Status.FIRING) {
            boolean reopened = existing.map(alert -> !alert.firing()).orElse(true);
            alerts.save(projectId, finding, groupKey, severity, now, reopened);
            if (reopened) {
                Instant flushAt = now.plus(timing.groupWait());
                Optional<Instant> last = alerts.lastFlush(projectId, groupKey);
                if (last.isPresent() && last.get().plus(timing.groupInterval()).isAfter(flushAt)) {
                    flushAt = last.get().plus(timing.groupInterval());
                }
                // Extreme goes out at once: neither a group wait nor the interval since the last notification.
                alerts.scheduleFlush(projectId, groupKey, route, severity,
                        severity == Severity.EXTREME ? now : flushAt);
            }
        } else {
            if (existing.isEmpty()) {
                return; // never seen firing: nothing to resolve, nobody to tell
            }
            String group = existing.get().groupKey();
            alerts.save(projectId, finding, group, existing.get().severity(), now, false);
            if (existing.get().told()) {
                Instant flushAt = alerts.lastFlush(projectId, group)
                        .map(last -> last.plus(timing.groupInterval())).filter(at -> at.isAfter(now)).orElse(now);
                alerts.scheduleFlush(projectId, group, group.substring(0, group.lastIndexOf('/')),
                        existing.get().severity(), flushAt);
            }
        }
    }

    private boolean firstDelivery(Envelope<?> event) {
        return jdbc.sql("insert into processed_event (event_id, topic) values (?, ?) on conflict do nothing")
                .params(event.uuid(), event.topic().topicName()).update() == 1;
    }
}
