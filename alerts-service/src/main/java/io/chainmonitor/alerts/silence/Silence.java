package io.chainmonitor.alerts.silence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.chainmonitor.alerts.routing.Matcher;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;

/** Mutes the alerts matching every matcher while {@code startsAt <= now < endsAt}. */
public record Silence(UUID id, String projectId, List<Matcher> matchers, Instant startsAt, Instant endsAt) {

    public boolean activeAt(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    public boolean mutes(Finding finding, Severity severity) {
        return matchers.stream().allMatch(matcher -> matcher.matches(finding, severity));
    }
}
