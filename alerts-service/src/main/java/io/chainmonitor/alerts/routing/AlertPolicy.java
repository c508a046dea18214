package io.chainmonitor.alerts.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.chainmonitor.alerts.dispatch.Channel;
import io.chainmonitor.events.Severity;

/**
 * A project's checked alerting policy: tiers, routes, per-channel minimum severity, timing, quiet hours and the tiers
 * that receive scheduled reports.
 *
 * @param reportRecipients the names of the tiers that receive scheduled reports; empty means the first tier
 */
public record AlertPolicy(List<Tier> tiers, List<Route> routes, Map<Channel, Severity> channelMinSeverity,
        Map<Severity, Timing> timing, QuietHours quietHours, List<String> reportRecipients) {

    /** No tiers, no routes: nobody is told. */
    public static final AlertPolicy EMPTY = new AlertPolicy(List.of(), List.of(), Map.of(), Timing.DEFAULTS, null,
            List.of());

    public AlertPolicy {
        reportRecipients = reportRecipients == null ? List.of() : List.copyOf(reportRecipients);
    }

    /** The tiers that receive scheduled reports: those the policy names, else the first one (none without tiers). */
    public List<Tier> reportTiers() {
        if (reportRecipients.isEmpty()) {
            return tiers.isEmpty() ? List.of() : List.of(tiers.getFirst());
        }
        return reportRecipients.stream().map(this::tier).flatMap(Optional::stream).toList();
    }

    public Optional<Tier> tier(String name) {
        return tiers.stream().filter(tier -> tier.name().equals(name)).findFirst();
    }

    public Timing timing(Severity severity) {
        return timing.getOrDefault(severity, Timing.DEFAULTS.get(severity));
    }

    /** Whether a channel carries findings of this severity. */
    public boolean carries(Channel channel, Severity severity) {
        Severity minimum = channelMinSeverity.get(channel);
        return minimum == null || severity.isAtLeast(minimum);
    }

    /** An ordered group of contacts. */
    public record Tier(String name, List<UUID> contacts) {
    }

    /** Findings matching every matcher, of one of the severities, go to the tiers (in escalation order). */
    public record Route(String name, Set<Severity> severities, List<Matcher> matchers, List<String> tiers,
            Set<Channel> channels) {
    }

    /**
     * @param groupWait how long a new group waits for more findings before its first notification (zero for Extreme)
     * @param groupInterval how long after a group notification a change of the group is notified
     * @param repeatInterval how often a still firing, unacknowledged group is told again
     * @param escalateAfter how long an unacknowledged alert waits before the next tier is told; zero: never
     */
    public record Timing(Duration groupWait, Duration groupInterval, Duration repeatInterval, Duration escalateAfter) {

        public static final Map<Severity, Timing> DEFAULTS = Map.of(
                Severity.EXTREME, new Timing(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(15),
                        Duration.ofMinutes(5)),
                Severity.HIGH, new Timing(Duration.ofSeconds(10), Duration.ofMinutes(2), Duration.ofHours(1),
                        Duration.ofMinutes(15)),
                Severity.MEDIUM, new Timing(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(4),
                        Duration.ofMinutes(30)),
                Severity.LOW, new Timing(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(24),
                        Duration.ZERO));
    }

    /** A daily window in a time zone; it may span midnight. */
    public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

        public boolean contains(Instant at) {
            LocalTime time = at.atZone(zone).toLocalTime();
            return start.isBefore(end)
                    ? !time.isBefore(start) && time.isBefore(end)
                    : !time.isBefore(start) || time.isBefore(end);
        }

        /** The next end of the window after {@code at}. */
        public Instant nextEnd(Instant at) {
            ZonedDateTime local = at.atZone(zone);
            ZonedDateTime end = local.with(this.end);
            if (!end.isAfter(local)) {
                end = end.plusDays(1);
            }
            return end.toInstant();
        }
    }
}
