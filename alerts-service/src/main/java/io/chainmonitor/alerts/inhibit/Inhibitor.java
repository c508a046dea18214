package io.chainmonitor.alerts.inhibit;

import java.util.Collection;

import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;

/**
 * An Extreme attack finding that fires suppresses the High findings of the same project it was composed of: those
 * its {@code evidence.signals} name by fingerprint, by rule id, or by metric (a signal such as
 * {@code chain.miner.share=0.857 > 0.5} names the High finding whose evidence metric is {@code chain.miner.share}).
 */
public final class Inhibitor {

    private Inhibitor() {
    }

    /** Whether {@code target} is suppressed by one of the project's alerts. */
    public static boolean inhibited(Finding target, Severity severity, Collection<Candidate> projectAlerts) {
        if (severity != Severity.HIGH || target.status() != Finding.Status.FIRING) {
            return false;
        }
        return projectAlerts.stream()
                .filter(source -> source.severity() == Severity.EXTREME && source.finding().attack() != null
                        && source.finding().status() == Finding.Status.FIRING)
                .anyMatch(source -> composedOf(source.finding(), target));
    }

    static boolean composedOf(Finding source, Finding target) {
        if (source.evidence() == null) {
            return false;
        }
        String metric = target.evidence() == null ? null : target.evidence().metric();
        for (String signal : source.evidence().signals()) {
            String text = signal.strip();
            if (text.equals(target.fingerprint()) || text.equals(target.ruleId())
                    || startsWithName(text, target.ruleId()) || metric != null && startsWithName(text, metric)) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} starts with {@code name} followed by something that cannot continue a name. */
    private static boolean startsWithName(String text, String name) {
        if (!text.startsWith(name)) {
            return false;
        }
        if (text.length() == name.length()) {
            return true;
        }
        char next = text.charAt(name.length());
        return !(Character.isLetterOrDigit(next) || next == '.' || next == '_' || next == '-');
    }

    /** An alert of the project: its finding and severity. */
    public record Candidate(Finding finding, Severity severity) {
    }
}
