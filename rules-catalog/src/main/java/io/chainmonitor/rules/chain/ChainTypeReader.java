package io.chainmonitor.rules.chain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.chainmonitor.rules.chain.ChainCatalogException.Reason;
import io.chainmonitor.rules.yaml.StrictMapping;
import io.chainmonitor.rules.yaml.YamlNode;
import io.chainmonitor.rules.yaml.YamlNode.Mapping;

/** Reads one chain type file strictly: unknown keys, missing keys, bad values and contradictions all fail. */
final class ChainTypeReader {

    static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    static final Pattern METRIC = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+");
    static final Pattern MAGIC = Pattern.compile("[0-9a-f]{8}");
    static final List<String> RULE_PACKS = List.of("pow", "pos");

    private ChainTypeReader() {
    }

    static ChainType read(ChainSource source) {
        StrictMapping file = YamlFields.open(YamlTreeReader.read(source), "", "id", "name", "family", "consensus",
                "rulePack", "node", "rpc", "p2p", "metrics");
        String id = file.string("id", ID, "a chain type id ([a-z0-9-]+)");
        String name = file.string("name");
        ChainFamily family = file.enumValue("family", ChainFamily.class);
        Consensus consensus = file.enumValue("consensus", Consensus.class);
        String rulePack = file.string("rulePack");
        if (!RULE_PACKS.contains(rulePack)) {
            throw ChainCatalogException.at(Reason.INVALID_VALUE, file.where("rulePack"), "rulePack",
                    "'" + rulePack + "' is not one of " + String.join(", ", RULE_PACKS));
        }
        NodeTemplate node = NodeTemplateReader.read(file.mapping("node"));
        RpcCatalog rpc = RpcCatalogReader.read(file.mapping("rpc"));
        P2pHandshake p2p = p2p(file, family, node);
        List<String> metrics = metrics(file);
        return new ChainType(id, name, family, consensus, node, rpc, p2p, metrics, rulePack);
    }

    private static P2pHandshake p2p(StrictMapping file, ChainFamily family, NodeTemplate node) {
        boolean needed = node.ports().contains(PortRole.P2P);
        if (file.has("p2p") != needed) {
            Reason reason = needed ? Reason.MISSING_FIELD : Reason.INCONSISTENT;
            throw ChainCatalogException.at(reason, file.where("p2p"), "p2p",
                    needed ? "required when node.ports has p2p" : "only allowed when node.ports has p2p");
        }
        if (!needed) {
            return null;
        }
        StrictMapping p2p = YamlFields.open(file.mapping("p2p"), "p2p", "kind", "magic");
        HandshakeKind kind = p2p.enumValue("kind", HandshakeKind.class);
        HandshakeKind expected = family == ChainFamily.BITCOIN ? HandshakeKind.BITCOIN_MAGIC : HandshakeKind.RLPX;
        if (kind != expected) {
            throw ChainCatalogException.at(Reason.INCONSISTENT, p2p.where("kind"), "p2p.kind",
                    "the " + YamlFields.yamlName(family) + " family speaks " + YamlFields.yamlName(expected));
        }
        if (kind == HandshakeKind.RLPX) {
            if (p2p.has("magic")) {
                throw ChainCatalogException.at(Reason.INCONSISTENT, p2p.where("magic"), "p2p.magic",
                        "rlpx has no network magic");
            }
            return new P2pHandshake(kind, null, Map.of());
        }
        Map<String, String> magic = magic(p2p, node.network());
        return new P2pHandshake(kind, magic.get(node.network().defaultValue()), magic);
    }

    private static Map<String, String> magic(StrictMapping p2p, NetworkSetting network) {
        if (network == null) {
            throw ChainCatalogException.at(Reason.INCONSISTENT, p2p.where("kind"), "p2p.kind",
                    "bitcoin-magic differs by network, so node.network is required");
        }
        Mapping mapping = p2p.mapping("magic");
        StrictMapping magic = YamlFields.open(mapping, "p2p.magic", network.allowed().toArray(String[]::new));
        Map<String, String> byNetwork = new HashMap<>();
        for (String name : network.allowed()) {
            if (!magic.has(name)) {
                throw ChainCatalogException.at(Reason.INCONSISTENT, mapping.where(), magic.path(name),
                        "no magic for network '" + name + "' of node.network.allowed");
            }
            byNetwork.put(name, magic.string(name, MAGIC, "four bytes in lower-case hex, e.g. fabfb5da"));
        }
        return byNetwork;
    }

    private static List<String> metrics(StrictMapping file) {
        List<String> metrics = file.strings("metrics", false);
        List<YamlNode> items = file.items("metrics");
        for (int i = 0; i < metrics.size(); i++) {
            String metric = metrics.get(i);
            if (!METRIC.matcher(metric).matches() || metrics.indexOf(metric) != i) {
                throw ChainCatalogException.at(Reason.INVALID_VALUE, items.get(i).where(), "metrics[" + i + "]",
                        "'" + metric + "' is a duplicate or not a dotted lower-case metric name such as chain.height");
            }
        }
        return metrics;
    }
}
