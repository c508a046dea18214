package io.chainmonitor.alerts.routing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A project's alerting policy as the API takes, stores and shows it; {@link PolicyParser} checks it and turns it into
 * an {@link AlertPolicy}. Durations are written like {@code 30s}, {@code 5m}, {@code 1h}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyDocument(List<TierDoc> tiers, List<RouteDoc> routes, Map<String, String> channelMinSeverity,
        Map<String, TimingDoc> timing, QuietHoursDoc quietHours, List<String> reportRecipients) {

    /** A policy that leaves scheduled reports to the default: the first tier. */
    public PolicyDocument(List<TierDoc> tiers, List<RouteDoc> routes, Map<String, String> channelMinSeverity,
            Map<String, TimingDoc> timing, QuietHoursDoc quietHours) {
        this(tiers, routes, channelMinSeverity, timing, quietHours, null);
    }

    /** An ordered group of contacts: the first tier is told first, the next on escalation. */
    public record TierDoc(String name, List<UUID> contacts) {
    }

    /** Which findings go to which tiers over which channels; the first matching route wins. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RouteDoc(String name, List<String> severities, List<MatcherDoc> matchers, List<String> tiers,
            List<String> channels) {
    }

    /** {@code field op value}; op is {@code =}, {@code !=}, {@code =~} or {@code !~} (regular expressions). */
    public record MatcherDoc(String field, String op, String value) {
    }

    /** Per severity: how long to wait for more findings, between group notifications, between reminders, before escalating. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimingDoc(String groupWait, String groupInterval, String repeatInterval, String escalateAfter) {
    }

    /** Low/Info findings in this daily window are held and sent as one digest when it ends. */
    public record QuietHoursDoc(String start, String end, String zone) {
    }
}
