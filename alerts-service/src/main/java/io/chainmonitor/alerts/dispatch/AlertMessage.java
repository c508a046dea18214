package io.chainmonitor.alerts.dispatch;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.chainmonitor.events.Severity;
import io.chainmonitor.events.alert.AlertNotification;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.report.ReportReady;

/**
 * What one notification says, channel-neutral: the group's findings with their context, why it goes out, to which
 * tier, and where to look and acknowledge. Stored with its delivery, so that a retry after a restart says the same.
 *
 * @param ackUrl the signed link that acknowledges the group's alerts; null for a resolved notification
 * @param report the scheduled report a {@code REPORT} message delivers, with no findings; null otherwise
 */
public record AlertMessage(
        String notificationId,
        String projectId,
        String projectName,
        String groupKey,
        AlertNotification.Kind kind,
        Severity severity,
        String tier,
        List<Finding> findings,
        URI incidentUrl,
        URI reportUrl,
        URI ackUrl,
        Instant at,
        ReportReady report) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    public AlertMessage {
        findings = List.copyOf(findings);
        if ((kind == AlertNotification.Kind.REPORT) != (report != null)) {
            throw new IllegalArgumentException("a report message, and only it, carries a report");
        }
        if (report == null && findings.isEmpty()) {
            throw new IllegalArgumentException("a message is about at least one finding");
        }
    }

    /** A message about findings. */
    public AlertMessage(String notificationId, String projectId, String projectName, String groupKey,
            AlertNotification.Kind kind, Severity severity, String tier, List<Finding> findings, URI incidentUrl,
            URI reportUrl, URI ackUrl, Instant at) {
        this(notificationId, projectId, projectName, groupKey, kind, severity, tier, findings, incidentUrl, reportUrl,
                ackUrl, at, null);
    }

    /** The group key of the message that delivers a report: also what it is "about" in the notification log. */
    public static String reportGroupKey(String reportId) {
        return "report:" + reportId;
    }

    /** The findings' fingerprints; for a report, its group key, as the notification names no finding. */
    public List<String> fingerprints() {
        return report != null
                ? List.of(reportGroupKey(report.reportId()))
                : findings.stream().map(Finding::fingerprint).toList();
    }

    /** The one-line subject: severity, kind and what happened. */
    public String subject() {
        if (report != null) {
            // The period is half-open: a day's report runs to the next midnight, so its last day is the one before.
            Instant lastDay = report.periodTo().minusMillis(1);
            String period = DAY.format(report.periodFrom()).equals(DAY.format(lastDay))
                    ? DAY.format(report.periodFrom())
                    : DAY.format(report.periodFrom()) + " to " + DAY.format(lastDay);
            return "[REPORT] " + report.title() + " — " + projectName + ", " + period;
        }
        String what = findings.size() == 1 ? findings.getFirst().title() : findings.size() + " alerts";
        String prefix = switch (kind) {
            case FIRING -> severity.label().toUpperCase(Locale.ROOT);
            case REPEAT -> severity.label().toUpperCase(Locale.ROOT) + ", still firing";
            case ESCALATION -> severity.label().toUpperCase(Locale.ROOT) + ", escalated to " + tier;
            case RESOLVED -> "RESOLVED";
            case DIGEST -> "DIGEST";
            case REPORT -> "REPORT";
        };
        return "[" + prefix + "] " + what + " — " + projectName;
    }

    /** The evidence of a finding as a sentence part: {@code chain.reorg.depth = 6 (threshold 3) over 12 blocks}. */
    public static String evidenceLine(Finding finding) {
        Finding.Evidence evidence = finding.evidence();
        if (evidence == null || evidence.metric() == null) {
            return null;
        }
        StringBuilder line = new StringBuilder(evidence.metric());
        if (evidence.value() != null) {
            line.append(" = ").append(number(evidence.value()));
        }
        if (evidence.threshold() != null) {
            line.append(" (threshold ").append(number(evidence.threshold())).append(')');
        }
        if (evidence.window() != null) {
            line.append(" over ").append(evidence.window());
        }
        return line.toString();
    }

    /** Where on the chain: {@code litecoin, replica r-2, height 1212, block 365b…}. */
    public static String chainLine(Finding finding) {
        StringBuilder line = new StringBuilder(finding.chain().type());
        if (finding.replicaId() != null) {
            line.append(", replica ").append(finding.replicaId());
        }
        if (finding.chain().height() != null) {
            line.append(", height ").append(finding.chain().height());
        }
        if (finding.chain().blockHash() != null) {
            line.append(", block ").append(finding.chain().blockHash());
        }
        return line.toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }
}
