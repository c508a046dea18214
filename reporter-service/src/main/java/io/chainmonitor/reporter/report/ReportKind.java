package io.chainmonitor.reporter.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of report: one incident, one health report, or a project's summary over a period. */
enum ReportKind {
    INCIDENT, HEALTH, PROJECT_SUMMARY;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ReportKind> of(String value) {
        return Arrays.stream(values()).filter(kind -> kind.wire().equals(value)).findFirst();
    }
}
