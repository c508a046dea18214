package io.chainmonitor.reporter.report;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import io.chainmonitor.reporter.ReporterException;

/** A stored report as a download in the asked format, with its content type and file name. */
@Component
class ReportDownloads {

    private final Reports reports;

    ReportDownloads(Reports reports) {
        this.reports = reports;
    }

    ResponseEntity<byte[]> download(ReportStore.StoredReport report, String formatParameter) {
        ReportFormat format = ReportFormat.of(formatParameter == null ? "json" : formatParameter)
                .orElseThrow(() -> ReporterException.invalidParameter(ReporterException.Reason.INVALID_PARAMETER,
                        "format", "must be one of json, html, pdf, csv, md, was '" + formatParameter + "'"));
        // HTML is read in the browser; every other format is saved as a file.
        ContentDisposition disposition = (format == ReportFormat.HTML
                ? ContentDisposition.inline()
                : ContentDisposition.attachment()).filename(report.fileName(format)).build();
        return ResponseEntity.ok().contentType(format.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(reports.render(report.document(), format));
    }
}
