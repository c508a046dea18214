package io.chainmonitor.rules.yaml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.chainmonitor.rules.yaml.YamlNode.Mapping;
import io.chainmonitor.rules.yaml.YamlNode.Scalar;
import io.chainmonitor.rules.yaml.YamlNode.Sequence;
import io.chainmonitor.rules.yaml.YamlNode.Where;

/**
 * Typed, strict access to one mapping of a YAML file: unknown keys are refused when it is opened, and every complaint
 * names the file, line, column and the key's full path (e.g. {@code node.readiness.method}).
 */
public final class StrictMapping {

    private final Mapping mapping;
    private final String path;
    private final YamlErrors errors;

    private StrictMapping(Mapping mapping, String path, YamlErrors errors) {
        this.mapping = mapping;
        this.path = path;
        this.errors = errors;
    }

    /** Opens a mapping that may hold only the given keys. */
    public static StrictMapping open(Mapping mapping, String path, YamlErrors errors, String... knownKeys) {
        Set<String> known = Set.of(knownKeys);
        mapping.keys().forEach((key, where) -> {
            if (!known.contains(key)) {
                throw errors.at(YamlProblem.UNKNOWN_KEY, where, join(path, key),
                        "unknown key; known keys here: " + String.join(", ", new TreeSet<>(known)));
            }
        });
        return new StrictMapping(mapping, path, errors);
    }

    /** The full path of a key of this mapping. */
    public String path(String key) {
        return join(path, key);
    }

    /** True when the key is present and not null. */
    public boolean has(String key) {
        YamlNode node = mapping.values().get(key);
        return node != null && !(node instanceof Scalar scalar && scalar.text() == null);
    }

    /** Where the key was written, or where its mapping starts when it is missing. */
    public Where where(String key) {
        return mapping.keys().getOrDefault(key, mapping.where());
    }

    /** Where the mapping starts. */
    public Where where() {
        return mapping.where();
    }

    /** The value of a required key. */
    public YamlNode node(String key) {
        if (!has(key)) {
            throw errors.at(YamlProblem.MISSING_FIELD, mapping.where(), path(key), "required key is missing");
        }
        return mapping.values().get(key);
    }

    public String string(String key) {
        return text(node(key), path(key), errors);
    }

    public String optionalString(String key) {
        return has(key) ? string(key) : null;
    }

    /** A string that must match {@code pattern}, described in the message as {@code description}. */
    public String string(String key, Pattern pattern, String description) {
        String value = string(key);
        if (!pattern.matcher(value).matches()) {
            throw errors.at(YamlProblem.INVALID_VALUE, node(key).where(), path(key),
                    "'" + value + "' is not " + description);
        }
        return value;
    }

    /** A list of non-blank strings; {@code mayBeEmpty} says whether {@code []} is allowed. */
    public List<String> strings(String key, boolean mayBeEmpty) {
        List<YamlNode> items = items(key);
        if (items.isEmpty() && !mayBeEmpty) {
            throw errors.at(YamlProblem.MISSING_FIELD, node(key).where(), path(key), "must not be empty");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            values.add(text(items.get(i), path(key) + "[" + i + "]", errors));
        }
        return List.copyOf(values);
    }

    public List<YamlNode> items(String key) {
        YamlNode node = node(key);
        if (!(node instanceof Sequence sequence)) {
            throw errors.at(YamlProblem.INVALID_VALUE, node.where(), path(key),
                    "expected a list, found " + node.kind());
        }
        return sequence.items();
    }

    public Mapping mapping(String key) {
        YamlNode node = node(key);
        if (!(node instanceof Mapping child)) {
            throw errors.at(YamlProblem.INVALID_VALUE, node.where(), path(key),
                    "expected a mapping, found " + node.kind());
        }
        return child;
    }

    /** A number (an unquoted YAML scalar that parses as a decimal). */
    public double number(String key) {
        YamlNode node = node(key);
        if (node instanceof Scalar scalar && !scalar.string() && scalar.text() != null) {
            try {
                double value = Double.parseDouble(scalar.text());
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // falls through to the message below, which says what was found
            }
        }
        throw errors.at(YamlProblem.INVALID_VALUE, node.where(), path(key), "expected a number, found " + node.kind());
    }

    /** A whole number. */
    public long integer(String key) {
        double value = number(key);
        if (value != Math.rint(value)) {
            throw errors.at(YamlProblem.INVALID_VALUE, node(key).where(), path(key),
                    "expected a whole number, found " + value);
        }
        return (long) value;
    }

    /** {@code true} or {@code false}. */
    public boolean bool(String key) {
        YamlNode node = node(key);
        if (node instanceof Scalar scalar && !scalar.string()
                && ("true".equals(scalar.text()) || "false".equals(scalar.text()))) {
            return Boolean.parseBoolean(scalar.text());
        }
        throw errors.at(YamlProblem.INVALID_VALUE, node.where(), path(key), "expected true or false, found "
                + node.kind());
    }

    /** An enum constant written in lower case with dashes, e.g. {@code user-password} for USER_PASSWORD. */
    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        return enumValue(node(key), path(key), type, errors);
    }

    public static <E extends Enum<E>> E enumValue(YamlNode node, String path, Class<E> type, YamlErrors errors) {
        String value = text(node, path, errors);
        for (E constant : type.getEnumConstants()) {
            if (yamlName(constant).equals(value)) {
                return constant;
            }
        }
        throw errors.at(YamlProblem.INVALID_VALUE, node.where(), path,
                "'" + value + "' is not one of " + String.join(", ", yamlNames(type)));
    }

    /** The YAML spelling of an enum constant: lower case with dashes. */
    public static String yamlName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static List<String> yamlNames(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(StrictMapping::yamlName).toList();
    }

    /** The text of a non-blank string scalar. */
    public static String text(YamlNode node, String path, YamlErrors errors) {
        if (!(node instanceof Scalar scalar) || !scalar.string()) {
            YamlProblem problem = node instanceof Scalar scalar && scalar.text() == null
                    ? YamlProblem.MISSING_FIELD
                    : YamlProblem.INVALID_VALUE;
            throw errors.at(problem, node.where(), path, "expected a string, found " + node.kind());
        }
        if (scalar.text().isBlank()) {
            throw errors.at(YamlProblem.MISSING_FIELD, node.where(), path, "must not be blank");
        }
        return scalar.text();
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
