package io.chainmonitor.reporter.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A report as data, the one source of every format: facts (label and value), then sections of paragraphs and at
 * most one table each. The JSON format is this record; HTML, PDF, Markdown and CSV are rendered from it.
 */
public record ReportDocument(String id, String kind, String title, String projectId, String projectName,
        Instant generatedAt, Instant periodFrom, Instant periodTo, List<Fact> facts, List<Section> sections) {

    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** A time as people read it in a report. */
    static String human(Instant at) {
        return at == null ? "—" : HUMAN.format(at);
    }

    /** A number as people read it: whole numbers without decimals, others to four significant digits. */
    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.4g", value);
    }

    /** A labelled fact of the report's header, e.g. "Severity: Extreme". */
    public record Fact(String label, String value) {
    }

    /** A section: a heading, paragraphs, and a table when {@code columns} is not empty. */
    public record Section(String heading, List<String> paragraphs, List<String> columns, List<List<String>> rows) {

        static Section text(String heading, List<String> paragraphs) {
            return new Section(heading, paragraphs, List.of(), List.of());
        }

        static Section table(String heading, List<String> paragraphs, List<String> columns,
                List<List<String>> rows) {
            return new Section(heading, paragraphs, columns, rows);
        }

        boolean hasTable() {
            return !columns.isEmpty();
        }
    }
}
