package io.chainmonitor.reporter.report;

import java.util.Arrays;
import java.util.Optional;

import org.springframework.http.MediaType;

/** The formats a report downloads in, with their content type and file extension. */
enum ReportFormat {
    JSON("json", "application/json", "json"), HTML("html", "text/html;charset=UTF-8", "html"), PDF("pdf",
            "application/pdf",
            "pdf"), CSV("csv", "text/csv;charset=UTF-8", "csv"), MARKDOWN("md", "text/markdown;charset=UTF-8", "md");

    private final String parameter;
    private final MediaType mediaType;
    private final String extension;

    ReportFormat(String parameter, String mediaType, String extension) {
        this.parameter = parameter;
        this.mediaType = MediaType.parseMediaType(mediaType);
        this.extension = extension;
    }

    MediaType mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }

    /** {@code json}, {@code html}, {@code pdf}, {@code csv}, {@code md} (or {@code markdown}). */
    static Optional<ReportFormat> of(String value) {
        if ("markdown".equals(value)) {
            return Optional.of(MARKDOWN);
        }
        return Arrays.stream(values()).filter(format -> format.parameter.equals(value)).findFirst();
    }
}
