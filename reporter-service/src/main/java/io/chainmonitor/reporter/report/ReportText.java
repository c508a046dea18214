package io.chainmonitor.reporter.report;

import java.util.List;
import java.util.stream.Collectors;

/** The plain-text formats of a report: Markdown (the whole report) and CSV (its tables). */
final class ReportText {

    private ReportText() {
    }

    static String markdown(ReportDocument report) {
        StringBuilder md = new StringBuilder(2048);
        md.append("# ").append(inline(report.title())).append("\n\n");
        md.append("Project ").append(inline(report.projectName())).append(" (`").append(report.projectId())
                .append("`), generated ").append(ReportDocument.human(report.generatedAt())).append("\n\n");
        md.append("| | |\n|---|---|\n");
        report.facts().forEach(fact -> md.append("| **").append(cell(fact.label())).append("** | ")
                .append(cell(fact.value())).append(" |\n"));
        for (ReportDocument.Section section : report.sections()) {
            md.append("\n## ").append(inline(section.heading())).append("\n\n");
            section.paragraphs().forEach(paragraph -> md.append(inline(paragraph)).append("\n\n"));
            if (section.hasTable()) {
                md.append(section.columns().stream().map(ReportText::cell)
                        .collect(Collectors.joining(" | ", "| ", " |\n")));
                md.append(section.columns().stream().map(column -> "---")
                        .collect(Collectors.joining("|", "|", "|\n")));
                section.rows().forEach(row -> md.append(
                        row.stream().map(ReportText::cell).collect(Collectors.joining(" | ", "| ", " |\n"))));
            }
        }
        return md.toString();
    }

    /**
     * The report's tables as CSV (RFC 4180): each table starts with a header row whose first cell is
     * {@code section}, and each of its rows starts with the section's heading; a blank line separates tables.
     */
    static String csv(ReportDocument report) {
        StringBuilder csv = new StringBuilder(2048);
        csv.append(row(List.of("section", "fact", "value")));
        report.facts().forEach(fact -> csv.append(row(List.of("Facts", fact.label(), fact.value()))));
        for (ReportDocument.Section section : report.sections()) {
            if (!section.hasTable()) {
                continue;
            }
            csv.append("\r\n");
            csv.append(row(prepend("section", section.columns())));
            section.rows().forEach(values -> csv.append(row(prepend(section.heading(), values))));
        }
        return csv.toString();
    }

    private static List<String> prepend(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }

    private static String row(List<String> cells) {
        return cells.stream().map(ReportText::quote).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String quote(String value) {
        String text = value == null ? "" : value;
        // A leading =, +, - or @ would run as a formula in a spreadsheet; a quote mark keeps it text.
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+(\\.\\d+)?")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static String inline(String text) {
        return text == null ? "" : text.replace("\r", " ").replace("\n", " ");
    }

    private static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }
}
