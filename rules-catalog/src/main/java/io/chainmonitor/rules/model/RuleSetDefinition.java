package io.chainmonitor.rules.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A rule set as the rules catalog understands it: the pack it started from, the ids it has retired (never to be used
 * again) and its rules. Construction checks the rules against each other (see {@link RuleSetChecks}).
 */
public record RuleSetDefinition(String pack, List<String> retired, List<Rule> rules) {

    public RuleSetDefinition {
        Objects.requireNonNull(pack, "pack");
        retired = List.copyOf(retired);
        rules = List.copyOf(rules);
        RuleSetChecks.check(retired, rules, id -> "");
    }

    /**
     * Checks as the constructor does, but places each complaint with {@code where} (a message prefix for a rule id,
     * such as {@code pow.yaml:12:5: }).
     */
    public static RuleSetDefinition of(String pack, List<String> retired, List<Rule> rules,
            Function<String, String> where) {
        RuleSetChecks.check(retired, rules, where);
        return new RuleSetDefinition(pack, retired, rules);
    }

    public Optional<Rule> rule(String id) {
        return rules.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }

    /** A copy with one rule replaced (same id) or added, e.g. a project's tweak of a default. */
    public RuleSetDefinition with(Rule rule) {
        List<Rule> changed = new java.util.ArrayList<>(rules);
        int index = changed.stream().map(Rule::id).toList().indexOf(rule.id());
        if (index < 0) {
            changed.add(rule);
        } else {
            changed.set(index, rule);
        }
        return new RuleSetDefinition(pack, retired, changed);
    }

    /** A copy without the rule; its id is retired so that it is never reused. */
    public RuleSetDefinition without(String ruleId) {
        List<String> retiredAfter = new java.util.ArrayList<>(retired);
        retiredAfter.add(ruleId);
        return new RuleSetDefinition(pack, retiredAfter, rules.stream().filter(rule -> !rule.id().equals(ruleId))
                .toList());
    }
}
