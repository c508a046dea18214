package io.chainmonitor.rules.chain;

import io.chainmonitor.rules.yaml.YamlNode.Mapping;
import io.chainmonitor.rules.yaml.YamlTree;

/** Reads a chain type file into a positioned YAML tree, failing with {@link ChainCatalogException}. */
final class YamlTreeReader {

    private YamlTreeReader() {
    }

    /** The one mapping the source holds. */
    static Mapping read(ChainSource source) {
        return YamlTree.read(source.name(), source.content(), "a chain type file", YamlFields.ERRORS);
    }
}
