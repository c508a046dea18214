package io.chainmonitor.health.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.chainmonitor.rules.model.Rule;
import io.chainmonitor.rules.model.RuleSetDefinition;
import io.chainmonitor.rules.model.RuleSetException;
import io.chainmonitor.rules.yaml.RuleSetReader;
import io.chainmonitor.rules.yaml.RuleSetWriter;

/**
 * A project's rule set: the current version (the default pack at version 0 until the first change), its history, and
 * the changes — replace, patch, add, remove — each validated in full, stored as a new version, audited and announced
 * on {@code cm.rules.v1} in one transaction. A refused change leaves the current version as it was.
 */
@Service
class ProjectRules {

    private final RulesProjects projects;
    private final RuleSetStore store;
    private final ChainRulePacks packs;
    private final RuleSetEvents events;

    ProjectRules(RulesProjects projects, RuleSetStore store, ChainRulePacks packs, RuleSetEvents events) {
        this.projects = projects;
        this.store = store;
        this.packs = packs;
        this.events = events;
    }

    /** The project's current rule set, for the caller who owns it. */
    @Transactional(readOnly = true)
    CurrentRules current(String projectId, String caller) {
        RulesProject project = projects.require(projectId, caller);
        return new CurrentRules(project, currentOf(project));
    }

    @Transactional(readOnly = true)
    List<RuleSetStore.VersionSummary> versions(String projectId, String caller) {
        projects.require(projectId, caller);
        return store.versions(projectId);
    }

    @Transactional(readOnly = true)
    CurrentRules version(String projectId, String caller, long version) {
        RulesProject project = projects.require(projectId, caller);
        StoredRuleSet stored = version == 0
                ? StoredRuleSet.defaults(packs.defaultPack(project))
                : store.version(projectId, version).orElseThrow(() -> new RulesApiException(
                        RulesApiException.Reason.NOT_FOUND, "project " + projectId + " has no rule set version "
                                + version));
        return new CurrentRules(project, stored);
    }

    /** Replaces the whole rule set (an import). */
    @Transactional
    CurrentRules replace(String projectId, String caller, IfMatch ifMatch, RuleSetDefinition submitted) {
        RulesProject project = projects.lock(projectId, caller);
        StoredRuleSet current = checked(project, ifMatch);
        return commit(project, current, submitted, "replaced", null, caller, Map.of());
    }

    /** Applies a JSON merge patch to one rule. */
    @Transactional
    CurrentRules patch(String projectId, String ruleId, String caller, IfMatch ifMatch, JsonNode patch) {
        RulesProject project = projects.lock(projectId, caller);
        StoredRuleSet current = checked(project, ifMatch);
        int index = indexOf(current.definition(), ruleId);
        ObjectNode document = RuleSetWriter.toTree(current.definition());
        ArrayNode rules = (ArrayNode) document.get("rules");
        ObjectNode before = (ObjectNode) rules.get(index);
        ObjectNode after = RulePatch.apply(before, patch);
        rules.set(index, after);
        RuleSetDefinition next = readFragment(document, "rules[" + index + "]");
        Map<String, String> fields = new LinkedHashMap<>();
        patch.propertyNames().forEach(key -> fields.put(key, text(before.get(key)) + " -> " + text(after.get(key))));
        return commit(project, current, next, "rule.changed", ruleId, caller, fields);
    }

    /** Adds one rule (its id must be new: neither in the set nor retired). */
    @Transactional
    CurrentRules add(String projectId, String caller, IfMatch ifMatch, JsonNode rule) {
        if (rule == null || !rule.isObject()) {
            throw new RulesApiException(RulesApiException.Reason.INVALID_RULE_SET, "a new rule is one JSON object "
                    + "or YAML mapping with id, kind, title, description, severity and the keys of its kind");
        }
        RulesProject project = projects.lock(projectId, caller);
        StoredRuleSet current = checked(project, ifMatch);
        ObjectNode document = RuleSetWriter.toTree(current.definition());
        ArrayNode rules = (ArrayNode) document.get("rules");
        rules.add(rule);
        RuleSetDefinition next = readFragment(document, "rules[" + (rules.size() - 1) + "]");
        Rule added = next.rules().getLast();
        return commit(project, current, next, "rule.added", added.id(), caller, Map.of());
    }

    /** Removes one rule; its id is retired for good. */
    @Transactional
    CurrentRules remove(String projectId, String ruleId, String caller, IfMatch ifMatch) {
        RulesProject project = projects.lock(projectId, caller);
        StoredRuleSet current = checked(project, ifMatch);
        indexOf(current.definition(), ruleId);
        RuleSetDefinition next;
        try {
            next = current.definition().without(ruleId);
        } catch (RuleSetException e) {
            throw RuleSetProblems.ofRule(e, List.of());
        }
        return commit(project, current, next, "rule.removed", ruleId, caller, Map.of());
    }

    private StoredRuleSet currentOf(RulesProject project) {
        return store.current(project.id()).orElseGet(() -> StoredRuleSet.defaults(packs.defaultPack(project)));
    }

    private StoredRuleSet checked(RulesProject project, IfMatch ifMatch) {
        StoredRuleSet current = currentOf(project);
        ifMatch.check(current.version());
        return current;
    }

    private CurrentRules commit(RulesProject project, StoredRuleSet current, RuleSetDefinition submitted,
            String change, String ruleId, String caller, Map<String, String> fields) {
        RuleSetChange diff = RuleSetChange.of(current.definition(), submitted, store.retired(project.id()));
        if (diff.isNoOp(current.definition())) {
            return new CurrentRules(project, current);
        }
        StoredRuleSet next = new StoredRuleSet(current.version() + 1, diff.next(), Instant.now(), caller);
        store.insert(project.id(), next, change, ruleId);
        store.retire(project.id(), diff.newlyRetired(), next.version(), next.changedAt());
        Map<String, String> audit = new LinkedHashMap<>();
        audit.put("version", current.version() + " -> " + next.version());
        if (ruleId != null) {
            audit.put("ruleId", ruleId);
        }
        audit.putAll(diff.summary());
        audit.putAll(fields);
        events.changed(project, next, "rules." + change, audit);
        return new CurrentRules(project, next);
    }

    private static int indexOf(RuleSetDefinition definition, String ruleId) {
        List<String> ids = new ArrayList<>(definition.rules().stream().map(Rule::id).toList());
        int index = ids.indexOf(ruleId);
        if (index < 0) {
            throw new RulesApiException(RulesApiException.Reason.NOT_FOUND, "the rule set has no rule " + ruleId
                    + (definition.retired().contains(ruleId) ? " (it was removed; its id is retired)" : ""));
        }
        return index;
    }

    /** Reads a document assembled around a fragment of the body; complaints name the fragment's keys. */
    private static RuleSetDefinition readFragment(ObjectNode document, String fragment) {
        try {
            return RuleSetReader.read(RuleSetBodies.SOURCE, document);
        } catch (RuleSetException e) {
            throw RuleSetProblems.ofFragment(e, path -> path.equals(fragment)
                    ? ""
                    : path.startsWith(fragment + ".") ? path.substring(fragment.length() + 1) : null);
        }
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "(default)" : value.isString() ? value.asString() : value.toString();
    }

    /** A project and one version of its rule set. */
    record CurrentRules(RulesProject project, StoredRuleSet rules) {
    }
}
