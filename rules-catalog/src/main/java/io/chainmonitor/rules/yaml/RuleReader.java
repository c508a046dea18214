package io.chainmonitor.rules.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.chainmonitor.rules.model.Attack;
import io.chainmonitor.rules.model.ChangeRule;
import io.chainmonitor.rules.model.CompositeRule;
import io.chainmonitor.rules.model.EventRule;
import io.chainmonitor.rules.model.Grouping;
import io.chainmonitor.rules.model.MetricSelector;
import io.chainmonitor.rules.model.Rule;
import io.chainmonitor.rules.model.RuleHeader;
import io.chainmonitor.rules.model.RuleSetException;
import io.chainmonitor.rules.model.RuleSetException.Reason;
import io.chainmonitor.rules.model.Signal;
import io.chainmonitor.rules.model.Signal.EventKind;
import io.chainmonitor.rules.model.ThresholdRule;
import io.chainmonitor.rules.model.ThresholdRule.Aggregate;
import io.chainmonitor.rules.model.ThresholdRule.Comparison;
import io.chainmonitor.rules.model.Window;
import io.chainmonitor.rules.yaml.YamlNode.Mapping;

/** Reads one rule of a rule set document; the keys allowed depend on its {@code kind}. */
final class RuleReader {

    private static final String[] COMMON = {"id", "kind", "title", "description", "enabled", "severity", "groupBy",
            "recommendedActions"};

    private RuleReader() {
    }

    static Rule read(Mapping mapping, String path) {
        YamlNode kindNode = mapping.values().get("kind");
        String id = mapping.values().get("id") instanceof YamlNode.Scalar scalar && scalar.string()
                ? scalar.text()
                : null;
        YamlErrors errors = RuleSetReader.errors(id);
        if (kindNode == null) {
            throw errors.at(YamlProblem.MISSING_FIELD, mapping.where(), path + ".kind", "required key is missing");
        }
        String kind = StrictMapping.text(kindNode, path + ".kind", errors);
        String[] keys = switch (kind) {
            case "threshold" -> keys("metric", "labels", "above", "below", "resolve", "aggregate", "over", "for");
            case "change" -> keys("metric", "labels", "percent", "over", "against", "resolve", "for");
            case "event" -> keys("event", "match", "metric", "labels", "above", "count", "within", "quiet");
            case "composite" -> keys("attack", "mode", "atLeast", "within", "signals");
            default -> throw errors.at(YamlProblem.INVALID_VALUE, kindNode.where(), path + ".kind",
                    "'" + kind + "' is not one of threshold, change, event, composite");
        };
        StrictMapping fields = StrictMapping.open(mapping, path, errors, keys);
        RuleHeader header = header(fields, kind);
        try {
            return switch (kind) {
                case "threshold" -> threshold(fields, header);
                case "change" -> change(fields, header);
                case "event" -> event(fields, header);
                default -> composite(fields, header);
            };
        } catch (IllegalArgumentException e) {
            throw RuleSetException.invalid(Reason.INVALID_VALUE, header.id(),
                    mapping.where() + ": " + header.id() + ": " + e.getMessage(), e);
        }
    }

    private static String[] keys(String... specific) {
        return Stream.concat(Stream.of(COMMON), Stream.of(specific)).toArray(String[]::new);
    }

    private static RuleHeader header(StrictMapping fields, String kind) {
        String id = fields.string("id", RuleSetReader.RULE_ID, "a rule id such as pow.deep-reorg");
        Grouping groupBy = fields.has("groupBy")
                ? fields.enumValue("groupBy", Grouping.class)
                : "composite".equals(kind) ? Grouping.PROJECT : Grouping.REPLICA;
        return new RuleHeader(id, fields.string("title"), fields.string("description"),
                !fields.has("enabled") || fields.bool("enabled"), RuleSetReader.severity(fields, id), groupBy,
                fields.has("recommendedActions") ? fields.strings("recommendedActions", true) : List.of());
    }

    private static MetricSelector select(StrictMapping fields, String id) {
        return new MetricSelector(fields.string("metric"), RuleSetReader.stringMap(fields, "labels", id));
    }

    private static ThresholdRule threshold(StrictMapping fields, RuleHeader header) {
        if (fields.has("above") == fields.has("below")) {
            throw RuleSetException.invalid(Reason.MISSING_FIELD, header.id(), fields.where() + ": " + header.id()
                    + ": a threshold rule has exactly one of above and below", null);
        }
        Comparison op = fields.has("above") ? Comparison.ABOVE : Comparison.BELOW;
        double value = fields.number(op == Comparison.ABOVE ? "above" : "below");
        Window over = window(fields, "over", header.id());
        Aggregate aggregate = fields.has("aggregate")
                ? fields.enumValue("aggregate", Aggregate.class)
                : over == null ? Aggregate.LAST : Aggregate.AVG;
        return new ThresholdRule(header, select(fields, header.id()), op, value, aggregate, over, debounce(fields),
                fields.has("resolve") ? fields.number("resolve") : value);
    }

    private static ChangeRule change(StrictMapping fields, RuleHeader header) {
        double percent = fields.number("percent");
        return new ChangeRule(header, select(fields, header.id()), requiredWindow(fields, "over", header.id()),
                requiredWindow(fields, "against", header.id()), percent, debounce(fields),
                fields.has("resolve") ? fields.number("resolve") : percent);
    }

    private static EventRule event(StrictMapping fields, RuleHeader header) {
        Signal signal;
        if (fields.has("event") == fields.has("metric")) {
            throw RuleSetException.invalid(Reason.MISSING_FIELD, header.id(), fields.where() + ": " + header.id()
                    + ": an event rule has exactly one of event and metric", null);
        }
        if (fields.has("event")) {
            signal = eventSignal(fields, header.id());
        } else {
            signal = new Signal.MetricSignal(select(fields, header.id()),
                    fields.has("above") ? fields.number("above") : 0);
        }
        int count = fields.has("count") ? (int) fields.integer("count") : 1;
        return new EventRule(header, signal, count, window(fields, "within", header.id()),
                requiredWindow(fields, "quiet", header.id()));
    }

    private static Signal.EventSignal eventSignal(StrictMapping fields, String id) {
        EventKind kind;
        try {
            kind = EventKind.fromWire(fields.string("event"));
        } catch (IllegalArgumentException e) {
            throw RuleSetReader.errors(id).at(YamlProblem.INVALID_VALUE, fields.where("event"), fields.path("event"),
                    e.getMessage());
        }
        return new Signal.EventSignal(kind, RuleSetReader.stringMap(fields, "match", id));
    }

    private static CompositeRule composite(StrictMapping fields, RuleHeader header) {
        Attack attack = null;
        if (fields.has("attack")) {
            String name = fields.string("attack");
            attack = Stream.of(Attack.values()).filter(a -> a.wireName().equals(name)).findFirst()
                    .orElseThrow(() -> RuleSetReader.errors(header.id()).at(YamlProblem.INVALID_VALUE,
                            fields.where("attack"), fields.path("attack"), "'" + name + "' is not one of "
                                    + String.join(", ", Stream.of(Attack.values()).map(Attack::wireName).toList())));
        }
        CompositeRule.Mode mode = fields.enumValue("mode", CompositeRule.Mode.class);
        List<YamlNode> items = fields.items("signals");
        List<Signal> signals = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = fields.path("signals") + "[" + i + "]";
            YamlErrors errors = RuleSetReader.errors(header.id());
            if (!(items.get(i) instanceof Mapping mapping)) {
                throw errors.at(YamlProblem.INVALID_VALUE, items.get(i).where(), path,
                        "expected a mapping, found " + items.get(i).kind());
            }
            StrictMapping signal = StrictMapping.open(mapping, path, errors, "rule", "event", "match");
            if (signal.has("rule") == signal.has("event") || signal.has("rule") && signal.has("match")) {
                throw errors.at(YamlProblem.MISSING_FIELD, mapping.where(), path,
                        "a signal has either rule, or event with an optional match");
            }
            signals.add(signal.has("rule")
                    ? new Signal.RuleSignal(signal.string("rule"))
                    : eventSignal(signal, header.id()));
        }
        int atLeast = fields.has("atLeast") ? (int) fields.integer("atLeast") : signals.size();
        return new CompositeRule(header, attack, mode, atLeast, requiredWindow(fields, "within", header.id()),
                signals);
    }

    private static int debounce(StrictMapping fields) {
        return fields.has("for") ? (int) fields.integer("for") : 1;
    }

    private static Window requiredWindow(StrictMapping fields, String key, String id) {
        fields.node(key);
        return window(fields, key, id);
    }

    private static Window window(StrictMapping fields, String key, String id) {
        if (!fields.has(key)) {
            return null;
        }
        String text = fields.string(key);
        try {
            return Window.parse(text);
        } catch (IllegalArgumentException e) {
            throw RuleSetException.invalid(Reason.INVALID_WINDOW, id,
                    fields.node(key).where() + ": " + fields.path(key) + ": " + e.getMessage(), e);
        }
    }
}
