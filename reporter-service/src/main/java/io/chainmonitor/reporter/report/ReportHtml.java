package io.chainmonitor.reporter.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The HTML of a report, strict XHTML so that the PDF is rendered from the very same markup by openhtmltopdf.
 * Every value is escaped: report texts come from events, which come from outside.
 */
final class ReportHtml {

    private static final String STYLE = """
            body { font-family: sans-serif; font-size: 10pt; color: #1d1d1f; margin: 0; }
            h1 { font-size: 18pt; margin: 0 0 4pt 0; }
            h2 { font-size: 13pt; margin: 14pt 0 4pt 0; border-bottom: 1px solid #999; }
            .meta { color: #555; margin-bottom: 8pt; }
            table { border-collapse: collapse; width: 100%; margin-top: 4pt; }
            th, td { border: 1px solid #bbb; padding: 3pt 5pt; text-align: left; vertical-align: top; }
            th { background: #eee; }
            table.facts th { width: 28%; }
            @page { size: A4; margin: 18mm 15mm; }
            """;

    private ReportHtml() {
    }

    static String render(ReportDocument report) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"UTF-8\" />\n<title>").append(escape(report.title())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<h1>").append(escape(report.title())).append("</h1>\n");
        html.append("<div class=\"meta\">Project ").append(escape(report.projectName())).append(" (")
                .append(escape(report.projectId())).append(") · generated ")
                .append(escape(ReportDocument.human(report.generatedAt()))).append("</div>\n");
        html.append("<table class=\"facts\">\n");
        for (ReportDocument.Fact fact : report.facts()) {
            html.append("<tr><th>").append(escape(fact.label())).append("</th><td>").append(escape(fact.value()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
        for (ReportDocument.Section section : report.sections()) {
            html.append("<h2>").append(escape(section.heading())).append("</h2>\n");
            for (String paragraph : section.paragraphs()) {
                html.append("<p>").append(escape(paragraph)).append("</p>\n");
            }
            if (section.hasTable()) {
                table(html, section.columns(), section.rows());
            }
        }
        return html.append("</body>\n</html>\n").toString();
    }

    /** The PDF of the report, rendered from its HTML. */
    static byte[] pdf(ReportDocument report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(render(report), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render report " + report.id() + " as PDF", e);
        }
        return out.toByteArray();
    }

    private static void table(StringBuilder html, List<String> columns, List<List<String>> rows) {
        html.append("<table>\n<tr>");
        columns.forEach(column -> html.append("<th>").append(escape(column)).append("</th>"));
        html.append("</tr>\n");
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters are not allowed in XML; a raw event could carry them.
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
