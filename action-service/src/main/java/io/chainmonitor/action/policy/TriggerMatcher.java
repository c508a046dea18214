package io.chainmonitor.action.policy;

import java.util.Map;

import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;

/** Whether a finding of a given severity starts a policy: at least its tier, and every criterion it names. */
public final class TriggerMatcher {

    private TriggerMatcher() {
    }

    public static boolean matches(ActionPolicy.Trigger trigger, Finding finding, Severity severity) {
        if (trigger.minSeverity() != null && !severity.isAtLeast(Severity.fromWire(trigger.minSeverity()))) {
            return false;
        }
        if (trigger.ruleIds() != null && !trigger.ruleIds().isEmpty()
                && !trigger.ruleIds().contains(finding.ruleId())) {
            return false;
        }
        if (trigger.attacks() != null && !trigger.attacks().isEmpty()
                && (finding.attack() == null || !trigger.attacks().contains(finding.attack()))) {
            return false;
        }
        if (trigger.labels() != null) {
            for (Map.Entry<String, String> label : trigger.labels().entrySet()) {
                if (!label.getValue().equals(finding.labels().get(label.getKey()))) {
                    return false;
                }
            }
        }
        return true;
    }
}
