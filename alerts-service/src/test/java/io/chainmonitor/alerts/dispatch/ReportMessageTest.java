package io.chainmonitor.alerts.dispatch;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.chainmonitor.events.Severity;
import io.chainmonitor.events.alert.AlertNotification;
import io.chainmonitor.events.report.ReportReady;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The subject and the fingerprints of a scheduled report's message. */
class ReportMessageTest {

    private static final URI LINK = URI.create("https://monitor.example.com/projects/p/reports/r-1");

    private static ReportReady report(String from, String to) {
        return new ReportReady("p", "r-1", "project_summary", "Project summary", Instant.parse(from),
                Instant.parse(to), "scheduled", "/api/v1/projects/p/reports/r-1");
    }

    private static AlertMessage message(AlertNotification.Kind kind, ReportReady report) {
        return new AlertMessage("n-1", "p", "ltc main", "report:r-1", kind, Severity.LOW, "management", List.of(), LINK,
                LINK, null, Instant.parse("2026-11-23T00:00:05Z"), report);
    }

    @Test
    void aWeeklyReportNamesItsFirstAndLastDayAndADailyOneItsDay() {
        assertThat(message(AlertNotification.Kind.REPORT,
                report("2026-11-16T00:00:00Z", "2026-11-23T00:00:00Z")).subject())
                .isEqualTo("[REPORT] Project summary — ltc main, 2026-11-16 to 2026-11-22");
        assertThat(message(AlertNotification.Kind.REPORT,
                report("2026-11-22T00:00:00Z", "2026-11-23T00:00:00Z")).subject())
                .isEqualTo("[REPORT] Project summary — ltc main, 2026-11-22");
    }

    @Test
    void aReportMessageIsAboutItsReportAndOnlyAReportMessageCarriesOne() {
        assertThat(message(AlertNotification.Kind.REPORT, report("2026-11-22T00:00:00Z", "2026-11-23T00:00:00Z"))
                .fingerprints()).containsExactly("report:r-1");
        assertThatThrownBy(() -> message(AlertNotification.Kind.REPORT, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> message(AlertNotification.Kind.FIRING,
                report("2026-11-22T00:00:00Z", "2026-11-23T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
