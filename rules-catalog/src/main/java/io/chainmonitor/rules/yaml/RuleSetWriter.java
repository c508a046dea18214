package io.chainmonitor.rules.yaml;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

import io.chainmonitor.rules.model.ChangeRule;
import io.chainmonitor.rules.model.CompositeRule;
import io.chainmonitor.rules.model.EventRule;
import io.chainmonitor.rules.model.Grouping;
import io.chainmonitor.rules.model.MetricSelector;
import io.chainmonitor.rules.model.Rule;
import io.chainmonitor.rules.model.RuleHeader;
import io.chainmonitor.rules.model.RuleSetDefinition;
import io.chainmonitor.rules.model.Signal;
import io.chainmonitor.rules.model.ThresholdRule;
import io.chainmonitor.rules.model.Window;

/**
 * Writes a rule set document as YAML (rules as code) or as the JSON tree {@code cm.rules.v1} carries; what it writes
 * reads back to an equal definition. Values equal to their defaults are left out.
 */
public final class RuleSetWriter {

    private static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES).enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RuleSetWriter() {
    }

    public static String toYaml(RuleSetDefinition definition) {
        return YAML.writeValueAsString(toTree(definition));
    }

    /** The JSON form of the document, for {@code RuleSet.rules}. */
    public static ObjectNode toTree(RuleSetDefinition definition) {
        ObjectNode root = NODES.objectNode();
        root.put("pack", definition.pack());
        if (!definition.retired().isEmpty()) {
            strings(root.putArray("retired"), definition.retired());
        }
        ArrayNode rules = root.putArray("rules");
        definition.rules().forEach(rule -> rules.add(rule(rule)));
        return root;
    }

    private static ObjectNode rule(Rule rule) {
        ObjectNode node = NODES.objectNode();
        RuleHeader header = rule.header();
        node.put("id", header.id());
        node.put("kind", rule.kind());
        node.put("title", header.title());
        node.put("description", header.description());
        if (!header.enabled()) {
            node.put("enabled", false);
        }
        node.put("severity", header.severity().wireName());
        Grouping defaultGrouping = rule instanceof CompositeRule ? Grouping.PROJECT : Grouping.REPLICA;
        if (header.groupBy() != defaultGrouping) {
            node.put("groupBy", StrictMapping.yamlName(header.groupBy()));
        }
        switch (rule) {
            case ThresholdRule threshold -> threshold(node, threshold);
            case ChangeRule change -> change(node, change);
            case EventRule event -> event(node, event);
            case CompositeRule composite -> composite(node, composite);
        }
        if (!header.recommendedActions().isEmpty()) {
            strings(node.putArray("recommendedActions"), header.recommendedActions());
        }
        return node;
    }

    private static void threshold(ObjectNode node, ThresholdRule rule) {
        select(node, rule.select());
        node.put(rule.op() == ThresholdRule.Comparison.ABOVE ? "above" : "below", rule.value());
        if (rule.over() != null) {
            node.put("over", rule.over().toString());
            if (rule.aggregate() != ThresholdRule.Aggregate.AVG) {
                node.put("aggregate", StrictMapping.yamlName(rule.aggregate()));
            }
        }
        debounce(node, rule.debounce());
        if (rule.resolveValue() != rule.value()) {
            node.put("resolve", rule.resolveValue());
        }
    }

    private static void change(ObjectNode node, ChangeRule rule) {
        select(node, rule.select());
        node.put("percent", rule.percent());
        node.put("over", rule.over().toString());
        node.put("against", rule.against().toString());
        debounce(node, rule.debounce());
        if (rule.resolvePercent() != rule.percent()) {
            node.put("resolve", rule.resolvePercent());
        }
    }

    private static void event(ObjectNode node, EventRule rule) {
        if (rule.signal() instanceof Signal.MetricSignal metric) {
            select(node, metric.select());
            if (metric.above() != 0) {
                node.put("above", metric.above());
            }
        } else {
            eventSignal(node, (Signal.EventSignal) rule.signal());
        }
        if (rule.count() != 1) {
            node.put("count", rule.count());
        }
        window(node, "within", rule.within());
        window(node, "quiet", rule.quiet());
    }

    private static void composite(ObjectNode node, CompositeRule rule) {
        if (rule.attack() != null) {
            node.put("attack", rule.attack().wireName());
        }
        node.put("mode", StrictMapping.yamlName(rule.mode()));
        if (rule.mode() == CompositeRule.Mode.AT_LEAST) {
            node.put("atLeast", rule.atLeast());
        }
        node.put("within", rule.within().toString());
        ArrayNode signals = node.putArray("signals");
        for (Signal signal : rule.signals()) {
            ObjectNode item = signals.addObject();
            if (signal instanceof Signal.RuleSignal ruleSignal) {
                item.put("rule", ruleSignal.ruleId());
            } else {
                eventSignal(item, (Signal.EventSignal) signal);
            }
        }
    }

    private static void eventSignal(ObjectNode node, Signal.EventSignal signal) {
        node.put("event", signal.event().wireName());
        map(node, "match", signal.match());
    }

    private static void select(ObjectNode node, MetricSelector select) {
        node.put("metric", select.metric());
        map(node, "labels", select.labels());
    }

    private static void map(ObjectNode node, String key, Map<String, String> values) {
        if (!values.isEmpty()) {
            ObjectNode child = node.putObject(key);
            values.forEach(child::put);
        }
    }

    private static void debounce(ObjectNode node, int debounce) {
        if (debounce != 1) {
            node.put("for", debounce);
        }
    }

    private static void window(ObjectNode node, String key, Window window) {
        if (window != null) {
            node.put(key, window.toString());
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
