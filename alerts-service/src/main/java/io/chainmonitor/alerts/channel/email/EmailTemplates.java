package io.chainmonitor.alerts.channel.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.chainmonitor.alerts.dispatch.AlertMessage;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.report.ReportReady;

/**
 * The HTML and text bodies of alert mail, from the templates under {@code alerts/templates/}: {@code {{name}}}
 * placeholders, every value HTML-escaped in the HTML part.
 */
final class EmailTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private final String html = load("email.html");
    private final String htmlFinding = load("email-finding.html");
    private final String text = load("email.txt");
    private final String textFinding = load("email-finding.txt");
    private final String reportHtml = load("report.html");
    private final String reportText = load("report.txt");

    String html(AlertMessage message) {
        if (message.report() != null) {
            return fill(reportHtml, reportValues(message), EmailTemplates::escape);
        }
        StringBuilder findings = new StringBuilder();
        for (Finding finding : message.findings()) {
            Map<String, String> values = findingValues(finding);
            values.put("colour", finding.status() == Finding.Status.RESOLVED ? "#2e7d32" : colour(message));
            findings.append(fill(htmlFinding, values, EmailTemplates::escape));
        }
        Map<String, String> values = messageValues(message);
        String filled = fill(html, values, EmailTemplates::escape);
        String ack = message.ackUrl() == null
                ? ""
                : " · <a href=\"" + escape(message.ackUrl().toString()) + "\">Acknowledge</a>";
        // The already escaped parts go in last, so that they are not escaped twice.
        return filled.replace("{{findings}}", findings).replace("{{ackLink}}", ack);
    }

    String text(AlertMessage message) {
        if (message.report() != null) {
            return fill(reportText, reportValues(message), UnaryOperator.identity());
        }
        StringBuilder findings = new StringBuilder();
        for (Finding finding : message.findings()) {
            findings.append(fill(textFinding, findingValues(finding), UnaryOperator.identity()));
        }
        String ack = message.ackUrl() == null ? "" : "\nAcknowledge: " + message.ackUrl();
        return fill(text, messageValues(message), UnaryOperator.identity()).replace("{{findings}}", findings)
                .replace("{{ackLink}}", ack);
    }

    private static Map<String, String> messageValues(AlertMessage message) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("subject", message.subject());
        values.put("project", message.projectName());
        values.put("severity", message.severity().label());
        values.put("tier", message.tier());
        values.put("kind", message.kind().name().toLowerCase(java.util.Locale.ROOT));
        values.put("incidentUrl", message.incidentUrl().toString());
        values.put("reportUrl", message.reportUrl().toString());
        values.put("notificationId", message.notificationId());
        return values;
    }

    private static Map<String, String> reportValues(AlertMessage message) {
        ReportReady report = message.report();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("subject", message.subject());
        values.put("title", report.title());
        values.put("project", message.projectName());
        values.put("tier", message.tier());
        values.put("reportKind", report.kind().replace('_', ' '));
        values.put("trigger", report.trigger());
        values.put("periodFrom", report.periodFrom().toString());
        values.put("periodTo", report.periodTo().toString());
        values.put("reportUrl", message.reportUrl().toString());
        values.put("reportId", report.reportId());
        values.put("notificationId", message.notificationId());
        return values;
    }

    private static Map<String, String> findingValues(Finding finding) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", finding.title());
        values.put("summary", finding.summary());
        values.put("status", finding.status().name().toLowerCase(java.util.Locale.ROOT));
        values.put("chain", AlertMessage.chainLine(finding));
        String evidence = AlertMessage.evidenceLine(finding);
        values.put("evidence", evidence == null ? "—" : evidence);
        values.put("signals", finding.evidence() == null || finding.evidence().signals().isEmpty()
                ? "—"
                : String.join("; ", finding.evidence().signals()));
        values.put("actions",
                finding.recommendedActions().isEmpty() ? "—" : String.join(", ", finding.recommendedActions()));
        values.put("rule", finding.attack() == null
                ? finding.ruleId()
                : finding.ruleId() + " (attack " + finding.attack() + ")");
        values.put("startsAt", finding.startsAt().toString());
        return values;
    }

    private static String colour(AlertMessage message) {
        return switch (message.severity()) {
            case EXTREME -> "#b71c1c";
            case HIGH -> "#e65100";
            case MEDIUM -> "#f9a825";
            case LOW -> "#1565c0";
        };
    }

    /** Fills the known placeholders; unknown ones ({@code findings}, {@code ackLink}) stay for the caller. */
    private static String fill(String template, Map<String, String> values, UnaryOperator<String> escaper) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out,
                    Matcher.quoteReplacement(value == null ? matcher.group() : escaper.apply(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String load(String name) {
        try (InputStream in = EmailTemplates.class.getResourceAsStream("/alerts/templates/" + name)) {
            if (in == null) {
                throw new IllegalStateException("template alerts/templates/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
