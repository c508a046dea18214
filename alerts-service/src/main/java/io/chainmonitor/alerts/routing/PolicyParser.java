package io.chainmonitor.alerts.routing;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.springframework.boot.convert.DurationStyle;

import io.chainmonitor.alerts.AlertsException;
import io.chainmonitor.alerts.dispatch.Channel;
import io.chainmonitor.events.Severity;

/** Checks a {@link PolicyDocument} member by member and builds the {@link AlertPolicy}; the first fault is refused. */
public final class PolicyParser {

    private PolicyParser() {
    }

    /** @param contacts the ids of the project's contacts, which tiers may name */
    public static AlertPolicy parse(PolicyDocument document, Set<UUID> contacts) {
        if (document == null) {
            throw new AlertsException(AlertsException.Reason.INVALID_REQUEST, "a policy is required");
        }
        List<AlertPolicy.Tier> tiers = tiers(document.tiers(), contacts);
        Set<String> tierNames = new HashSet<>();
        tiers.forEach(tier -> tierNames.add(tier.name()));
        return new AlertPolicy(tiers, routes(document.routes(), tierNames),
                channelMinimums(document.channelMinSeverity()), timing(document.timing()),
                quietHours(document.quietHours()), reportRecipients(document.reportRecipients(), tierNames));
    }

    private static List<String> reportRecipients(List<String> names, Set<String> tierNames) {
        if (names == null) {
            return List.of();
        }
        if (names.isEmpty()) {
            throw invalid("reportRecipients", "must name at least one tier, or be left out for the first tier");
        }
        for (int i = 0; i < names.size(); i++) {
            if (!tierNames.contains(names.get(i))) {
                throw invalid("reportRecipients[" + i + "]", "'" + names.get(i) + "' is not a tier");
            }
        }
        return List.copyOf(names);
    }

    /** Matchers of a route or a silence. */
    public static List<Matcher> matchers(List<PolicyDocument.MatcherDoc> docs, String path) {
        List<Matcher> matchers = new ArrayList<>();
        for (int i = 0; docs != null && i < docs.size(); i++) {
            PolicyDocument.MatcherDoc doc = docs.get(i);
            String at = path + "[" + i + "]";
            if (doc == null || !Matcher.knownField(doc.field())) {
                throw invalid(at + ".field", "must be severity, ruleId, attack, replicaId, chain, status,"
                        + " fingerprint, title or labels.<name>");
            }
            Matcher.Op op;
            try {
                op = Matcher.Op.of(doc.op());
            } catch (IllegalArgumentException e) {
                throw invalid(at + ".op", e.getMessage());
            }
            String value = doc.value() == null ? "" : doc.value();
            Pattern pattern = null;
            if (op == Matcher.Op.MATCHES || op == Matcher.Op.NOT_MATCHES) {
                try {
                    pattern = Pattern.compile(value);
                } catch (PatternSyntaxException e) {
                    throw invalid(at + ".value", "is not a regular expression: " + e.getDescription());
                }
            }
            matchers.add(new Matcher(doc.field(), op, value, pattern));
        }
        return List.copyOf(matchers);
    }

    private static List<AlertPolicy.Tier> tiers(List<PolicyDocument.TierDoc> docs, Set<UUID> contacts) {
        List<AlertPolicy.Tier> tiers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; docs != null && i < docs.size(); i++) {
            PolicyDocument.TierDoc doc = docs.get(i);
            String at = "tiers[" + i + "]";
            if (doc == null || doc.name() == null || doc.name().isBlank() || doc.name().length() > 64) {
                throw invalid(at + ".name", "is required, at most 64 characters");
            }
            if (!names.add(doc.name())) {
                throw invalid(at + ".name", "'" + doc.name() + "' is used by another tier");
            }
            if (doc.contacts() == null || doc.contacts().isEmpty()) {
                throw invalid(at + ".contacts", "must name at least one contact");
            }
            for (int j = 0; j < doc.contacts().size(); j++) {
                if (!contacts.contains(doc.contacts().get(j))) {
                    throw invalid(at + ".contacts[" + j + "]", "is not a contact of this project");
                }
            }
            tiers.add(new AlertPolicy.Tier(doc.name(), List.copyOf(doc.contacts())));
        }
        return List.copyOf(tiers);
    }

    private static List<AlertPolicy.Route> routes(List<PolicyDocument.RouteDoc> docs, Set<String> tierNames) {
        List<AlertPolicy.Route> routes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; docs != null && i < docs.size(); i++) {
            PolicyDocument.RouteDoc doc = docs.get(i);
            String at = "routes[" + i + "]";
            if (doc == null || doc.name() == null || !doc.name().matches("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}")) {
                throw invalid(at + ".name", "is required: letters, digits, '.', '_' or '-', at most 64");
            }
            if (!names.add(doc.name())) {
                throw invalid(at + ".name", "'" + doc.name() + "' is used by another route");
            }
            Set<Severity> severities = EnumSet.noneOf(Severity.class);
            if (doc.severities() == null || doc.severities().isEmpty()) {
                severities.addAll(EnumSet.allOf(Severity.class));
            }
            for (int j = 0; doc.severities() != null && j < doc.severities().size(); j++) {
                severities.add(severity(doc.severities().get(j), at + ".severities[" + j + "]"));
            }
            if (doc.tiers() == null || doc.tiers().isEmpty()) {
                throw invalid(at + ".tiers", "must name at least one tier");
            }
            for (int j = 0; j < doc.tiers().size(); j++) {
                if (!tierNames.contains(doc.tiers().get(j))) {
                    throw invalid(at + ".tiers[" + j + "]", "'" + doc.tiers().get(j) + "' is not a tier");
                }
            }
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            if (doc.channels() == null || doc.channels().isEmpty()) {
                throw invalid(at + ".channels", "must name at least one channel");
            }
            for (int j = 0; j < doc.channels().size(); j++) {
                channels.add(channel(doc.channels().get(j), at + ".channels[" + j + "]"));
            }
            routes.add(new AlertPolicy.Route(doc.name(), severities, matchers(doc.matchers(), at + ".matchers"),
                    List.copyOf(doc.tiers()), channels));
        }
        return List.copyOf(routes);
    }

    private static Map<Channel, Severity> channelMinimums(Map<String, String> docs) {
        Map<Channel, Severity> minimums = new EnumMap<>(Channel.class);
        if (docs != null) {
            docs.forEach((channel, severity) -> minimums.put(channel(channel, "channelMinSeverity." + channel),
                    severity(severity, "channelMinSeverity." + channel)));
        }
        return Map.copyOf(minimums);
    }

    private static Map<Severity, AlertPolicy.Timing> timing(Map<String, PolicyDocument.TimingDoc> docs) {
        Map<Severity, AlertPolicy.Timing> timing = new EnumMap<>(AlertPolicy.Timing.DEFAULTS);
        if (docs != null) {
            docs.forEach((name, doc) -> {
                Severity severity = severity(name, "timing." + name);
                AlertPolicy.Timing defaults = AlertPolicy.Timing.DEFAULTS.get(severity);
                String at = "timing." + name;
                Duration groupWait = duration(doc.groupWait(), defaults.groupWait(), at + ".groupWait");
                if (severity == Severity.EXTREME && !groupWait.isZero()) {
                    throw invalid(at + ".groupWait", "must be 0s: Extreme findings are notified at once");
                }
                Duration groupInterval = duration(doc.groupInterval(), defaults.groupInterval(), at + ".groupInterval");
                Duration repeat = duration(doc.repeatInterval(), defaults.repeatInterval(), at + ".repeatInterval");
                if (groupInterval.isZero() || repeat.isZero()) {
                    throw invalid(at, "groupInterval and repeatInterval must be longer than 0s");
                }
                timing.put(severity, new AlertPolicy.Timing(groupWait, groupInterval, repeat,
                        duration(doc.escalateAfter(), defaults.escalateAfter(), at + ".escalateAfter")));
            });
        }
        return Map.copyOf(timing);
    }

    private static AlertPolicy.QuietHours quietHours(PolicyDocument.QuietHoursDoc doc) {
        if (doc == null) {
            return null;
        }
        try {
            LocalTime start = LocalTime.parse(doc.start());
            LocalTime end = LocalTime.parse(doc.end());
            if (start.equals(end)) {
                throw invalid("quietHours", "start and end must differ");
            }
            return new AlertPolicy.QuietHours(start, end, ZoneId.of(doc.zone() == null ? "UTC" : doc.zone()));
        } catch (DateTimeParseException | NullPointerException e) {
            throw invalid("quietHours", "start and end must be times like 22:00");
        } catch (java.time.DateTimeException e) {
            throw invalid("quietHours.zone", "is not a time zone");
        }
    }

    private static Duration duration(String text, Duration fallback, String field) {
        if (text == null) {
            return fallback;
        }
        try {
            Duration duration = DurationStyle.detectAndParse(text);
            if (duration.isNegative() || duration.compareTo(Duration.ofDays(7)) > 0) {
                throw invalid(field, "must be between 0s and 7d");
            }
            return duration;
        } catch (IllegalArgumentException e) {
            throw invalid(field, "is not a duration like 30s, 5m or 1h");
        }
    }

    private static Severity severity(String text, String field) {
        try {
            return Severity.fromWire(text);
        } catch (IllegalArgumentException e) {
            throw invalid(field, e.getMessage());
        }
    }

    private static Channel channel(String text, String field) {
        try {
            return Channel.fromWire(text);
        } catch (IllegalArgumentException e) {
            throw invalid(field, e.getMessage());
        }
    }

    private static AlertsException invalid(String field, String message) {
        return AlertsException.invalidField(AlertsException.Reason.INVALID_REQUEST, field, message);
    }
}
