package io.chainmonitor.rules.chain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.chainmonitor.rules.chain.ChainCatalogException.Reason;
import io.chainmonitor.rules.chain.YamlNode.Mapping;
import io.chainmonitor.rules.chain.YamlNode.Scalar;
import io.chainmonitor.rules.chain.YamlNode.Sequence;
import io.chainmonitor.rules.chain.YamlNode.Where;

/**
 * Typed, strict access to one mapping of a chain type file: unknown keys are refused when it is opened, and every
 * complaint names the file, line, column and the key's full path (e.g. {@code node.readiness.method}).
 */
final class YamlFields {

    private final Mapping mapping;
    private final String path;

    private YamlFields(Mapping mapping, String path) {
        this.mapping = mapping;
        this.path = path;
    }

    /** Opens a mapping that may hold only the given keys. */
    static YamlFields open(Mapping mapping, String path, String... knownKeys) {
        Set<String> known = Set.of(knownKeys);
        mapping.keys().forEach((key, where) -> {
            if (!known.contains(key)) {
                throw ChainCatalogException.at(Reason.UNKNOWN_KEY, where, join(path, key),
                        "unknown key; known keys here: " + String.join(", ", new TreeSet<>(known)));
            }
        });
        return new YamlFields(mapping, path);
    }

    String path(String key) {
        return join(path, key);
    }

    boolean has(String key) {
        YamlNode node = mapping.values().get(key);
        return node != null && !(node instanceof Scalar scalar && scalar.text() == null);
    }

    /** Where the key was written, or where its mapping starts when it is missing. */
    Where where(String key) {
        return mapping.keys().getOrDefault(key, mapping.where());
    }

    YamlNode node(String key) {
        if (!has(key)) {
            throw ChainCatalogException.at(Reason.MISSING_FIELD, mapping.where(), path(key), "required key is missing");
        }
        return mapping.values().get(key);
    }

    String string(String key) {
        return text(node(key), path(key));
    }

    String optionalString(String key) {
        return has(key) ? string(key) : null;
    }

    String string(String key, Pattern pattern, String description) {
        String value = string(key);
        if (!pattern.matcher(value).matches()) {
            throw ChainCatalogException.at(Reason.INVALID_VALUE, node(key).where(), path(key),
                    "'" + value + "' is not " + description);
        }
        return value;
    }

    /** A list of non-blank strings; {@code mayBeEmpty} says whether {@code []} is allowed. */
    List<String> strings(String key, boolean mayBeEmpty) {
        List<YamlNode> items = items(key);
        if (items.isEmpty() && !mayBeEmpty) {
            throw ChainCatalogException.at(Reason.MISSING_FIELD, node(key).where(), path(key), "must not be empty");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            values.add(text(items.get(i), path(key) + "[" + i + "]"));
        }
        return List.copyOf(values);
    }

    List<YamlNode> items(String key) {
        YamlNode node = node(key);
        if (!(node instanceof Sequence sequence)) {
            throw ChainCatalogException.at(Reason.INVALID_VALUE, node.where(), path(key),
                    "expected a list, found " + node.kind());
        }
        return sequence.items();
    }

    Mapping mapping(String key) {
        YamlNode node = node(key);
        if (!(node instanceof Mapping child)) {
            throw ChainCatalogException.at(Reason.INVALID_VALUE, node.where(), path(key),
                    "expected a mapping, found " + node.kind());
        }
        return child;
    }

    /** An enum constant written in lower case with dashes, e.g. {@code user-password} for USER_PASSWORD. */
    <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        return enumValue(node(key), path(key), type);
    }

    static <E extends Enum<E>> E enumValue(YamlNode node, String path, Class<E> type) {
        String value = text(node, path);
        for (E constant : type.getEnumConstants()) {
            if (yamlName(constant).equals(value)) {
                return constant;
            }
        }
        throw ChainCatalogException.at(Reason.INVALID_VALUE, node.where(), path,
                "'" + value + "' is not one of " + String.join(", ", yamlNames(type)));
    }

    static String yamlName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static List<String> yamlNames(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(YamlFields::yamlName).toList();
    }

    static String text(YamlNode node, String path) {
        if (!(node instanceof Scalar scalar) || !scalar.string()) {
            Reason reason = node instanceof Scalar scalar && scalar.text() == null
                    ? Reason.MISSING_FIELD
                    : Reason.INVALID_VALUE;
            throw ChainCatalogException.at(reason, node.where(), path, "expected a string, found " + node.kind());
        }
        if (scalar.text().isBlank()) {
            throw ChainCatalogException.at(Reason.MISSING_FIELD, node.where(), path, "must not be blank");
        }
        return scalar.text();
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
