package io.chainmonitor.rules.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.chainmonitor.rules.model.RuleSetException.Reason;
import io.chainmonitor.rules.model.Signal.MetricSignal;
import io.chainmonitor.rules.model.Signal.RuleSignal;

/** The checks across the rules of a set: ids unique and not retired, metrics known, composites acyclic. */
final class RuleSetChecks {

    private RuleSetChecks() {
    }

    static void check(List<String> retired, List<Rule> rules, Function<String, String> where) {
        Set<String> retiredIds = Set.copyOf(retired);
        Map<String, Rule> byId = new HashMap<>();
        for (Rule rule : rules) {
            String id = rule.id();
            if (byId.putIfAbsent(id, rule) != null) {
                throw RuleSetException.conflict(Reason.DUPLICATE_ID, id,
                        where.apply(id) + id + ": the id is used by two rules");
            }
            if (retiredIds.contains(id)) {
                throw RuleSetException.conflict(Reason.RETIRED_ID, id,
                        where.apply(id) + id + ": the id is retired and cannot be reused; choose a new id");
            }
            metric(rule).filter(metric -> !MetricVocabulary.contains(metric)).ifPresent(metric -> {
                throw RuleSetException.invalid(Reason.UNKNOWN_METRIC, id, where.apply(id) + id + ": metric '"
                        + metric + "' is not in the metric vocabulary", null);
            });
        }
        for (Rule rule : rules) {
            if (rule instanceof CompositeRule composite) {
                for (String signal : ruleSignals(composite)) {
                    if (!byId.containsKey(signal)) {
                        throw RuleSetException.conflict(Reason.UNKNOWN_RULE, rule.id(), where.apply(rule.id())
                                + rule.id() + ": signal rule '" + signal + "' is not in the rule set"
                                + (retiredIds.contains(signal) ? " (it is retired)" : ""));
                    }
                }
            }
        }
        findCycle(byId).ifPresent(cycle -> {
            throw RuleSetException.conflict(Reason.CYCLE, cycle.get(0), where.apply(cycle.get(0)) + cycle.get(0)
                    + ": composites depend on each other in a cycle: " + String.join(" -> ", cycle));
        });
    }

    static List<String> ruleSignals(CompositeRule composite) {
        return composite.signals().stream().filter(RuleSignal.class::isInstance).map(s -> ((RuleSignal) s).ruleId())
                .toList();
    }

    private static Optional<String> metric(Rule rule) {
        if (rule instanceof ThresholdRule threshold) {
            return Optional.of(threshold.select().metric());
        }
        if (rule instanceof ChangeRule change) {
            return Optional.of(change.select().metric());
        }
        if (rule instanceof EventRule event && event.signal() instanceof MetricSignal metric) {
            return Optional.of(metric.select().metric());
        }
        return Optional.empty();
    }

    /** A depth-first search over composite-to-rule edges; the cycle comes back as ids, first id repeated last. */
    private static Optional<List<String>> findCycle(Map<String, Rule> byId) {
        Set<String> done = new HashSet<>();
        for (String start : byId.keySet().stream().sorted().toList()) {
            List<String> path = new ArrayList<>();
            List<String> cycle = visit(start, byId, done, path);
            if (cycle != null) {
                return Optional.of(cycle);
            }
        }
        return Optional.empty();
    }

    private static List<String> visit(String id, Map<String, Rule> byId, Set<String> done, List<String> path) {
        int onPath = path.indexOf(id);
        if (onPath >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(onPath, path.size()));
            cycle.add(id);
            return cycle;
        }
        if (done.contains(id) || !(byId.get(id) instanceof CompositeRule composite)) {
            return null;
        }
        path.add(id);
        for (String next : ruleSignals(composite)) {
            List<String> cycle = visit(next, byId, done, path);
            if (cycle != null) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        done.add(id);
        return null;
    }
}
