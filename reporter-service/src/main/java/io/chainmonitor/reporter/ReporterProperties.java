package io.chainmonitor.reporter;

import java.time.Duration;
import java.util.stream.Stream;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the reporter-service, under {@code chain-monitor.reporter}; each concern has its own nested record.
 *
 * @param retention how long each kind of record is kept
 * @param partitions how the daily partitions of the big tables are kept ahead
 * @param query limits of the query API
 * @param share read-only share links of reports
 * @param schedule scheduled reports
 * @param liveFeed the server-sent events of incidents
 */
@Validated
@ConfigurationProperties("chain-monitor.reporter")
public record ReporterProperties(@DefaultValue @Valid Retention retention, @DefaultValue @Valid Partitions partitions,
        @DefaultValue @Valid Query query, @DefaultValue @Valid Share share, @DefaultValue @Valid Schedule schedule,
        @DefaultValue @Valid LiveFeed liveFeed) {

    /**
     * How long each kind is kept before the purge job deletes it.
     *
     * @param findings finding events
     * @param incidents incidents, counted from their last signal
     * @param wireIncidents wire-listener incidents
     * @param healthReports health reports
     * @param notifications alert notifications
     * @param actions action executions
     * @param audit audit entries
     * @param metricRaw metric samples as they came
     * @param metricMinute per-minute rollups
     * @param metricHour per-hour rollups
     * @param reports stored reports and their share links
     * @param purgeInterval time between purges
     */
    public record Retention(@DefaultValue("400d") Duration findings, @DefaultValue("400d") Duration incidents,
            @DefaultValue("90d") Duration wireIncidents, @DefaultValue("180d") Duration healthReports,
            @DefaultValue("180d") Duration notifications, @DefaultValue("400d") Duration actions,
            @DefaultValue("400d") Duration audit, @DefaultValue("2d") Duration metricRaw,
            @DefaultValue("30d") Duration metricMinute, @DefaultValue("400d") Duration metricHour,
            @DefaultValue("400d") Duration reports, @DefaultValue("1h") Duration purgeInterval) {

        /** The longest time any event kind is kept: event partitions older than that are dropped whole. */
        public Duration longestEventRetention() {
            return Stream.of(findings, wireIncidents, healthReports, notifications, actions, audit)
                    .max(Duration::compareTo).orElseThrow();
        }
    }

    /**
     * Daily partitions of {@code event} and {@code metric_sample}.
     *
     * @param daysAhead how many days of partitions exist ahead of today
     * @param maintenanceInterval time between partition maintenance runs
     */
    public record Partitions(@DefaultValue("3") @Min(1) @Max(60) int daysAhead,
            @DefaultValue("1h") Duration maintenanceInterval) {
    }

    /**
     * @param defaultLimit the page size when none is asked
     * @param maxLimit the largest page size a caller may ask
     * @param maxSeriesPoints the most points a metric series answers
     */
    public record Query(@DefaultValue("50") @Min(1) int defaultLimit, @DefaultValue("500") @Min(1) int maxLimit,
            @DefaultValue("10000") @Min(1) int maxSeriesPoints) {
    }

    /**
     * @param defaultExpiry how long a share link lives when the caller does not say
     * @param maxExpiry the longest a caller may ask for
     */
    public record Share(@DefaultValue("7d") Duration defaultExpiry, @DefaultValue("90d") Duration maxExpiry) {
    }

    /**
     * @param checkInterval how often due report schedules are looked for
     * @param relayInterval how often scheduled reports not yet announced on {@code cm.reports.v1} are sent again
     */
    public record Schedule(@DefaultValue("1m") Duration checkInterval, @DefaultValue("10s") Duration relayInterval) {
    }

    /** @param timeout how long one SSE connection stays open before the client reconnects */
    public record LiveFeed(@DefaultValue("30m") Duration timeout) {
    }
}
