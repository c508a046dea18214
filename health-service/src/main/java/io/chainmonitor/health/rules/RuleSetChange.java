package io.chainmonitor.health.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.chainmonitor.rules.model.Rule;
import io.chainmonitor.rules.model.RuleSetDefinition;
import io.chainmonitor.rules.model.RuleSetException;

/**
 * A rule set change about to be stored: the next definition with every retired id carried over (the stored tombstones,
 * the current set's, the submitted ones and the ids the change removes), and what the audit log says of it.
 */
record RuleSetChange(RuleSetDefinition next, List<String> newlyRetired, Map<String, String> summary) {

    /**
     * The change from {@code current} to {@code submitted}; a submitted rule that reuses a retired id is refused.
     *
     * @param tombstones the ids the project retired, as stored
     */
    static RuleSetChange of(RuleSetDefinition current, RuleSetDefinition submitted, List<String> tombstones) {
        List<String> currentIds = ids(current);
        List<String> nextIds = ids(submitted);
        Set<String> retired = new LinkedHashSet<>(current.retired());
        retired.addAll(tombstones);
        retired.addAll(submitted.retired());
        List<String> removed = currentIds.stream().filter(id -> !nextIds.contains(id)).toList();
        retired.addAll(removed);
        RuleSetDefinition next;
        try {
            next = new RuleSetDefinition(submitted.pack(), List.copyOf(retired), submitted.rules());
        } catch (RuleSetException e) {
            throw RuleSetProblems.ofRule(e, nextIds);
        }
        List<String> newlyRetired = new ArrayList<>(retired);
        newlyRetired.removeAll(tombstones);
        Map<String, String> summary = new LinkedHashMap<>();
        put(summary, "added", nextIds.stream().filter(id -> !currentIds.contains(id)).toList());
        put(summary, "removed", removed);
        put(summary, "changed", submitted.rules().stream()
                .filter(rule -> current.rule(rule.id()).filter(before -> !before.equals(rule)).isPresent())
                .map(Rule::id).toList());
        if (!current.pack().equals(next.pack())) {
            summary.put("pack", current.pack() + " -> " + next.pack());
        }
        return new RuleSetChange(next, List.copyOf(newlyRetired), summary);
    }

    /** True when the change changes nothing: storing it again would only add a version. */
    boolean isNoOp(RuleSetDefinition current) {
        return next.equals(current);
    }

    private static List<String> ids(RuleSetDefinition definition) {
        return definition.rules().stream().map(Rule::id).toList();
    }

    private static void put(Map<String, String> summary, String key, List<String> ids) {
        if (!ids.isEmpty()) {
            summary.put(key, String.join(",", ids));
        }
    }
}
