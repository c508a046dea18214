package io.chainmonitor.rules.chain;

import java.util.List;

import io.chainmonitor.rules.chain.ChainCatalogException.Reason;
import io.chainmonitor.rules.yaml.StrictMapping;
import io.chainmonitor.rules.yaml.YamlErrors;
import io.chainmonitor.rules.yaml.YamlNode;
import io.chainmonitor.rules.yaml.YamlNode.Mapping;

/** The strict YAML reading of chain type files, failing with {@link ChainCatalogException}. */
final class YamlFields {

    /** YAML problems as chain catalog errors; the reasons share their names. */
    static final YamlErrors ERRORS = (problem, message, cause) -> new ChainCatalogException(
            Reason.valueOf(problem.name()), message, cause);

    private YamlFields() {
    }

    /** Opens a mapping that may hold only the given keys. */
    static StrictMapping open(Mapping mapping, String path, String... knownKeys) {
        return StrictMapping.open(mapping, path, ERRORS, knownKeys);
    }

    static <E extends Enum<E>> E enumValue(YamlNode node, String path, Class<E> type) {
        return StrictMapping.enumValue(node, path, type, ERRORS);
    }

    static String yamlName(Enum<?> constant) {
        return StrictMapping.yamlName(constant);
    }

    static List<String> yamlNames(Class<? extends Enum<?>> type) {
        return StrictMapping.yamlNames(type);
    }

    static String text(YamlNode node, String path) {
        return StrictMapping.text(node, path, ERRORS);
    }
}
