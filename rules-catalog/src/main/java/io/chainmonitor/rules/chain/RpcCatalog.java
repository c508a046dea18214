package io.chainmonitor.rules.chain;

import java.util.Set;

/**
 * The RPC methods of a chain type as the public port sees them: the methods it serves, the methods that are critical
 * (they change the node or the chain, move funds or reveal keys) and prefixes that make a whole namespace critical.
 */
public record RpcCatalog(Set<String> methods, Set<String> criticalMethods, Set<String> criticalPrefixes) {

    public RpcCatalog {
        methods = Set.copyOf(methods);
        criticalMethods = Set.copyOf(criticalMethods);
        criticalPrefixes = Set.copyOf(criticalPrefixes);
    }

    /**
     * Classifies one method name. Critical wins over recognized, and is matched ignoring case: a node that reads
     * {@code DumpPrivKey} as {@code dumpprivkey} must not let it through, and a probe with odd casing is itself worth
     * reporting. Recognized is matched exactly, as the nodes match it. A null or blank name is unrecognized.
     */
    public MethodClass classify(String method) {
        if (method == null || method.isBlank()) {
            return MethodClass.UNRECOGNIZED;
        }
        if (isCritical(method)) {
            return MethodClass.CRITICAL;
        }
        return methods.contains(method) ? MethodClass.RECOGNIZED : MethodClass.UNRECOGNIZED;
    }

    private boolean isCritical(String method) {
        if (criticalMethods.contains(method)) {
            return true;
        }
        for (String critical : criticalMethods) {
            if (critical.equalsIgnoreCase(method)) {
                return true;
            }
        }
        for (String prefix : criticalPrefixes) {
            if (method.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return true;
            }
        }
        return false;
    }
}
