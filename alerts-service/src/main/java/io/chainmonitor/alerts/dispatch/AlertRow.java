package io.chainmonitor.alerts.dispatch;

import java.time.Instant;

import io.chainmonitor.alerts.inhibit.Inhibitor;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;

/** One stored alert: the latest finding of its fingerprint and what the lifecycle did with it. */
public record AlertRow(String projectId, String fingerprint, String groupKey, Severity severity, Finding finding,
        String notifiedStatus, Instant ackedAt, int tierIndex, Instant escalateAt) {

    public boolean firing() {
        return finding.status() == Finding.Status.FIRING;
    }

    public boolean told() {
        return "firing".equals(notifiedStatus);
    }

    public Inhibitor.Candidate candidate() {
        return new Inhibitor.Candidate(finding, severity);
    }
}
