package io.chainmonitor.rules.yaml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.events.Severity;
import io.chainmonitor.rules.model.Rule;
import io.chainmonitor.rules.model.RuleSetDefinition;
import io.chainmonitor.rules.model.RuleSetException;
import io.chainmonitor.rules.model.RuleSetException.Reason;
import io.chainmonitor.rules.yaml.YamlNode.Mapping;
import io.chainmonitor.rules.yaml.YamlNode.Where;

/**
 * Reads a rule set document (YAML, or its JSON form as carried by {@code cm.rules.v1}) strictly: unknown keys,
 * missing keys, bad values, unknown metrics, bad windows, duplicate or retired ids and cycles all fail with a
 * {@link RuleSetException} that names the rule, the file, the line and the key.
 */
public final class RuleSetReader {

    static final Pattern RULE_ID = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");
    static final Pattern PACK = Pattern.compile("[a-z0-9-]+");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RuleSetReader() {
    }

    /** Reads YAML text; {@code source} names it in messages (a file name, "request body"). */
    public static RuleSetDefinition read(String source, String yaml) {
        return read(source, yaml.getBytes(StandardCharsets.UTF_8));
    }

    public static RuleSetDefinition read(String source, byte[] yaml) {
        Mapping root = YamlTree.read(source, yaml, "a rule set", errors(null));
        StrictMapping file = StrictMapping.open(root, "", errors(null), "pack", "retired", "rules");
        String pack = file.string("pack", PACK, "a pack name ([a-z0-9-]+)");
        List<String> retired = file.has("retired") ? file.strings("retired", true) : List.of();
        List<YamlNode> items = file.items("rules");
        List<Rule> rules = new ArrayList<>();
        Map<String, Where> places = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            String path = "rules[" + i + "]";
            if (!(item instanceof Mapping mapping)) {
                throw errors(null).at(YamlProblem.INVALID_VALUE, item.where(), path,
                        "expected a mapping, found " + item.kind());
            }
            Rule rule = RuleReader.read(mapping, path);
            places.put(rule.id(), mapping.where());
            rules.add(rule);
        }
        return RuleSetDefinition.of(pack, retired, rules, id -> places.containsKey(id) ? places.get(id) + ": " : "");
    }

    /** Reads the JSON form, e.g. {@code RuleSet.rules()}; line numbers refer to its pretty-printed text. */
    public static RuleSetDefinition read(String source, JsonNode document) {
        return read(source, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
    }

    /** YAML problems as rule set errors naming the rule (null before one is known); the reasons share names. */
    static io.chainmonitor.rules.yaml.YamlErrors errors(String ruleId) {
        return (problem, message, cause) -> RuleSetException.invalid(Reason.valueOf(problem.name()), ruleId,
                message, cause);
    }

    static Map<String, String> stringMap(StrictMapping fields, String key, String ruleId) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!fields.has(key)) {
            return values;
        }
        Mapping mapping = fields.mapping(key);
        mapping.values().forEach((name, node) -> values.put(name,
                StrictMapping.text(node, fields.path(key) + "." + name, errors(ruleId))));
        return values;
    }

    static Severity severity(StrictMapping fields, String ruleId) {
        try {
            return Severity.fromWire(fields.string("severity"));
        } catch (IllegalArgumentException e) {
            throw errors(ruleId).at(YamlProblem.INVALID_VALUE, fields.where("severity"), fields.path("severity"),
                    e.getMessage());
        }
    }
}
