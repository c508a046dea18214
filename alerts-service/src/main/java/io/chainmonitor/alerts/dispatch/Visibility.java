package io.chainmonitor.alerts.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.chainmonitor.alerts.inhibit.Inhibitor;
import io.chainmonitor.alerts.routing.AlertPolicy;
import io.chainmonitor.alerts.routing.Router;
import io.chainmonitor.alerts.silence.Silence;

/** Whether an alert may be told now: not muted by a silence, not inhibited by an attack it is part of. */
public record Visibility(List<Silence> silences, List<Inhibitor.Candidate> projectAlerts, Instant now) {

    public boolean visible(AlertRow alert) {
        boolean silenced = silences.stream()
                .anyMatch(silence -> silence.activeAt(now) && silence.mutes(alert.finding(), alert.severity()));
        return !silenced && !Inhibitor.inhibited(alert.finding(), alert.severity(), projectAlerts);
    }

    /** The group's route by name in the current policy, or the finding's route when the policy changed since. */
    public static Optional<AlertPolicy.Route> route(AlertPolicy policy, String name, AlertRow sample) {
        return policy.routes().stream().filter(route -> route.name().equals(name)).findFirst()
                .or(() -> Router.route(policy, sample.finding(), sample.severity()));
    }
}
