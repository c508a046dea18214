package io.chainmonitor.action.policy;

import java.util.Map;
import java.util.Set;

import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;

/**
 * When a policy acts: a firing finding at or above {@code minSeverity} whose rule id, attack and labels match; an
 * empty set or map matches anything.
 */
public record Trigger(Severity minSeverity, Set<String> ruleIds, Set<String> attacks, Map<String, String> labels) {

    public Trigger {
        if (minSeverity == null) {
            throw new IllegalArgumentException("minSeverity is required");
        }
        ruleIds = ruleIds == null ? Set.of() : Set.copyOf(ruleIds);
        attacks = attacks == null ? Set.of() : Set.copyOf(attacks);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** Whether a finding of {@code severity} sets this trigger off; resolved findings never do. */
    public boolean matches(Severity severity, Finding finding) {
        return finding.status() == Finding.Status.FIRING && severity != null && severity.isAtLeast(minSeverity)
                && (ruleIds.isEmpty() || ruleIds.contains(finding.ruleId()))
                && (attacks.isEmpty() || finding.attack() != null && attacks.contains(finding.attack()))
                && labels.entrySet().stream()
                        .allMatch(label -> label.getValue().equals(finding.labels().get(label.getKey())));
    }
}
