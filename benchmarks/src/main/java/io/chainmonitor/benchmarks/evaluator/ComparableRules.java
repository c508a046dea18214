package io.chainmonitor.benchmarks.evaluator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.chainmonitor.rules.model.CompositeRule;
import io.chainmonitor.rules.model.Grouping;
import io.chainmonitor.rules.model.Rule;
import io.chainmonitor.rules.model.RuleSetDefinition;
import io.chainmonitor.rules.model.ThresholdRule;
import io.chainmonitor.rules.pack.DefaultPacks;

/**
 * The default rules that have an equivalent EPL statement here: per-replica thresholds on the last value, with their
 * debounce ({@code for}) and hysteresis ({@code resolve}), as one {@code match_recognize} each. Windowed thresholds,
 * percentage changes and event rules are left out of the comparison (see the results file).
 */
public final class ComparableRules {

    private ComparableRules() {
    }

    static boolean comparable(Rule rule) {
        return rule instanceof ThresholdRule t && t.over() == null && t.header().enabled()
                && t.header().groupBy() == Grouping.REPLICA && t.select().labels().isEmpty();
    }

    /** The pack restricted to the comparable rules. */
    public static RuleSetDefinition subset(String pack) {
        RuleSetDefinition full = DefaultPacks.named(pack);
        RuleSetDefinition subset = full;
        // composites first: the set refuses to lose a rule that a composite still listens to
        List<Rule> order = new ArrayList<>(full.rules());
        order.sort(java.util.Comparator.comparing(rule -> !(rule instanceof CompositeRule)));
        for (Rule rule : order) {
            if (!comparable(rule)) {
                subset = subset.without(rule.id());
            }
        }
        return subset;
    }

    /** The rule ids of each default pack that are compared, and those that are not. */
    public static Map<String, List<String>> split(boolean compared) {
        Map<String, List<String>> ids = new java.util.LinkedHashMap<>();
        for (String pack : DefaultPacks.NAMES) {
            ids.put(pack, DefaultPacks.named(pack).rules().stream().filter(r -> comparable(r) == compared)
                    .map(Rule::id).toList());
        }
        return ids;
    }

    /** The EPL module: one statement per comparable rule of each default pack. */
    public static String epl() {
        StringBuilder module = new StringBuilder();
        for (String pack : DefaultPacks.NAMES) {
            for (Rule rule : DefaultPacks.named(pack).rules()) {
                if (comparable(rule)) {
                    module.append(statement(pack, (ThresholdRule) rule)).append(";\n");
                }
            }
        }
        return module.toString();
    }

    static String statement(String pack, ThresholdRule rule) {
        String op = rule.op() == ThresholdRule.Comparison.ABOVE ? ">" : "<";
        // A: over the threshold (debounce times in a row fires); B: not back past the resolve value; C: resolves.
        return "@name('" + rule.id() + "') select * from EsperSample(pack='" + pack + "', metric='"
                + rule.select().metric() + "')\n"
                + "match_recognize (\n"
                + "  partition by project, replica\n"
                + "  measures " + (rule.debounce() == 1 ? "A" : "A[" + (rule.debounce() - 1) + "]")
                + ".idx as fired, C.idx as resolved,"
                + " C.project as project, C.replica as replica\n"
                + "  pattern (" + (rule.debounce() == 1 ? "A" : "A{" + rule.debounce() + "}") + " B* C)\n"
                + "  define A as A.value " + op + " " + literal(rule.value()) + ",\n"
                + "         B as B.value " + op + " " + literal(rule.resolveValue()) + ",\n"
                + "         C as not (C.value " + op + " " + literal(rule.resolveValue()) + ")\n"
                + ")";
    }

    private static String literal(double value) {
        String plain = new BigDecimal(Double.toString(value)).toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    static List<String> ids(String pack) {
        List<String> ids = new ArrayList<>();
        DefaultPacks.named(pack).rules().stream().filter(ComparableRules::comparable).forEach(r -> ids.add(r.id()));
        return ids;
    }
}
