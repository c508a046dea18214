package io.chainmonitor.rules.chain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.chainmonitor.rules.chain.ChainCatalogException.Reason;
import io.chainmonitor.rules.yaml.StrictMapping;
import io.chainmonitor.rules.yaml.YamlNode;
import io.chainmonitor.rules.yaml.YamlNode.Mapping;

/** Reads the {@code rpc} mapping; a method listed as served must not also be critical. */
final class RpcCatalogReader {

    private RpcCatalogReader() {
    }

    static RpcCatalog read(Mapping mapping) {
        StrictMapping rpc = YamlFields.open(mapping, "rpc", "methods", "criticalMethods", "criticalPrefixes");
        Set<String> methods = unique(rpc, "methods", false);
        Set<String> critical = unique(rpc, "criticalMethods", true);
        Set<String> prefixes = unique(rpc, "criticalPrefixes", true);
        RpcCatalog catalog = new RpcCatalog(methods, critical, prefixes);
        List<YamlNode> items = rpc.items("methods");
        int i = 0;
        for (String method : methods) {
            if (catalog.classify(method) == MethodClass.CRITICAL) {
                throw ChainCatalogException.at(Reason.INCONSISTENT, items.get(i).where(),
                        rpc.path("methods") + "[" + i + "]",
                        "'" + method + "' is served publicly but also critical; list it in one place only");
            }
            i++;
        }
        return catalog;
    }

    private static Set<String> unique(StrictMapping rpc, String key, boolean mayBeEmpty) {
        List<String> values = rpc.strings(key, mayBeEmpty);
        Set<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (!unique.add(values.get(i))) {
                throw ChainCatalogException.at(Reason.INVALID_VALUE, rpc.items(key).get(i).where(),
                        rpc.path(key) + "[" + i + "]", "duplicate method '" + values.get(i) + "'");
            }
        }
        return unique;
    }
}
