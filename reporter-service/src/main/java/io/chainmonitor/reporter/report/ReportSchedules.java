package io.chainmonitor.reporter.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.events.EventCodec;
import io.chainmonitor.reporter.ReporterException;
import io.chainmonitor.reporter.ReporterException.Reason;
import io.chainmonitor.reporter.project.Projects;

/**
 * Report schedules, one per project: daily (at 00:00 UTC) or weekly (Mondays 00:00 UTC), each run making the chosen
 * kinds of report for the period just ended and storing them like on-demand ones. Each stored report is announced
 * as a {@code ReportReady} in the same transaction (see {@link ReadyReports}); the alerts service emails it.
 */
@Service
class ReportSchedules {

    private static final Logger log = LoggerFactory.getLogger(ReportSchedules.class);
    private static final List<String> SCHEDULABLE = List.of("project_summary", "health");

    private final JdbcClient jdbc;
    private final Reports reports;
    private final Projects projects;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ReadyReports readyReports;

    ReportSchedules(JdbcClient jdbc, Reports reports, Projects projects, EventCodec codec, Clock reporterClock,
            TransactionTemplate transactions, ReadyReports readyReports) {
        this.transactions = transactions;
        this.readyReports = readyReports;
        this.jdbc = jdbc;
        this.reports = reports;
        this.projects = projects;
        this.json = codec.mapper();
        this.clock = reporterClock;
    }

    /** How often reports are made. */
    enum Cadence {
        DAILY(Duration.ofDays(1)), WEEKLY(Duration.ofDays(7));

        private final Duration period;

        Cadence(Duration period) {
            this.period = period;
        }

        /** The first run after {@code now}: the next midnight UTC, or the next Monday's. */
        Instant firstRunAfter(Instant now) {
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            LocalDate day = this == DAILY
                    ? today.plusDays(1)
                    : today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            return day.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    /** A project's schedule. */
    record Schedule(String projectId, String cadence, List<String> kinds, Instant nextRunAt) {
    }

    Schedule put(String projectId, String cadence, List<String> kinds, String user) {
        Cadence parsed = cadence(cadence);
        List<String> chosen = kinds == null || kinds.isEmpty() ? List.of("project_summary") : List.copyOf(kinds);
        for (String kind : chosen) {
            if (!SCHEDULABLE.contains(kind)) {
                throw ReporterException.invalidParameter(Reason.INVALID_PARAMETER, "kinds",
                        "may hold " + String.join(", ", SCHEDULABLE) + ", not '" + kind + "'");
            }
        }
        Instant next = parsed.firstRunAfter(clock.instant());
        jdbc.sql("""
                INSERT INTO report_schedule (project_id, cadence, kinds, next_run_at, created_by)
                VALUES (:project, :cadence, CAST(:kinds AS jsonb), :next, :user)
                ON CONFLICT (project_id) DO UPDATE SET cadence = EXCLUDED.cadence, kinds = EXCLUDED.kinds,
                    next_run_at = EXCLUDED.next_run_at, created_by = EXCLUDED.created_by, updated_at = now()
                """).param("project", projectId).param("cadence", parsed.name().toLowerCase(Locale.ROOT))
                .param("kinds", json.writeValueAsString(chosen)).param("next", Timestamp.from(next))
                .param("user", user).update();
        return get(projectId).orElseThrow();
    }

    Optional<Schedule> get(String projectId) {
        return jdbc.sql("SELECT project_id, cadence, kinds::text, next_run_at FROM report_schedule"
                + " WHERE project_id = :project").param("project", projectId)
                .query((rs, row) -> new Schedule(rs.getString(1), rs.getString(2),
                        json.readValue(rs.getString(3), new TypeReference<List<String>>() {
                        }), rs.getTimestamp(4).toInstant()))
                .optional();
    }

    boolean delete(String projectId) {
        return jdbc.sql("DELETE FROM report_schedule WHERE project_id = :project").param("project", projectId)
                .update() == 1;
    }

    /** Makes the reports of every due schedule, one schedule per transaction. */
    @Scheduled(initialDelayString = "${chain-monitor.reporter.schedule.check-interval:1m}", fixedDelayString = "${chain-monitor.reporter.schedule.check-interval:1m}")
    void runDue() {
        while (Boolean.TRUE.equals(transactions.execute(status -> runOne()))) {
            // Each call claims and runs one due schedule; the loop ends when none is left.
        }
        // Announce at once what was just committed rather than at the relay's next tick.
        readyReports.relay();
    }

    /**
     * Claims one due schedule (SKIP LOCKED, so instances never share one), makes its reports and moves it on; runs in
     * the caller's transaction, which holds the claim.
     */
    private boolean runOne() {
        Instant now = clock.instant();
        Optional<Schedule> due = jdbc.sql("""
                SELECT project_id, cadence, kinds::text, next_run_at FROM report_schedule
                 WHERE next_run_at <= :now ORDER BY next_run_at LIMIT 1 FOR UPDATE SKIP LOCKED
                """).param("now", Timestamp.from(now))
                .query((rs, row) -> new Schedule(rs.getString(1), rs.getString(2),
                        json.readValue(rs.getString(3), new TypeReference<List<String>>() {
                        }), rs.getTimestamp(4).toInstant()))
                .optional();
        if (due.isEmpty()) {
            return false;
        }
        Schedule schedule = due.get();
        Cadence cadence = cadence(schedule.cadence());
        Instant to = schedule.nextRunAt();
        projects.find(schedule.projectId()).ifPresent(project -> {
            for (String kind : schedule.kinds()) {
                try {
                    readyReports.announce(reports.create(project,
                            new Reports.ReportRequest(kind, null, null, to.minus(cadence.period), to), "scheduled",
                            "schedule"));
                } catch (ReporterException e) {
                    // A health report cannot be made before the first health check: that run has nothing to say.
                    log.info("scheduled {} report of {} not made: {}", kind, project.id(), e.getMessage());
                }
            }
        });
        Instant next = to.plus(cadence.period);
        while (!next.isAfter(now)) {
            next = next.plus(cadence.period);
        }
        jdbc.sql("UPDATE report_schedule SET next_run_at = :next WHERE project_id = :project")
                .param("next", Timestamp.from(next)).param("project", schedule.projectId()).update();
        return true;
    }

    private static Cadence cadence(String value) {
        try {
            return Cadence.valueOf(String.valueOf(value).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ReporterException.invalidParameter(Reason.INVALID_PARAMETER, "cadence",
                    "must be daily or weekly, was '" + value + "'");
        }
    }
}
