package io.chainmonitor.rules.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.rules.model.Grouping;
import io.chainmonitor.rules.model.Rule;

/**
 * The running state of one rule in one project: a {@link Group} per replica (or one for the project), capped at
 * {@link #MAX_GROUPS} so that a flood of replica ids cannot grow it without bound.
 */
abstract class RuleRuntime<G extends Group> {

    /** Most groups a rule keeps; samples of further replicas are ignored until a group is dropped. */
    static final int MAX_GROUPS = 256;
    static final String PROJECT_GROUP = "";

    final Rule rule;
    final ProjectEvaluator project;
    final Map<String, G> groups = new HashMap<>();
    int firing;

    RuleRuntime(Rule rule, ProjectEvaluator project) {
        this.rule = rule;
        this.project = project;
    }

    String id() {
        return rule.id();
    }

    /** The group for a replica (or the project's group), made on first use; null when the cap is reached. */
    final G group(String replicaId) {
        boolean perReplica = rule.header().groupBy() == Grouping.REPLICA && replicaId != null;
        String key = perReplica ? replicaId : PROJECT_GROUP;
        G group = groups.get(key);
        if (group == null && groups.size() < MAX_GROUPS) {
            Map<String, String> labels = new TreeMap<>();
            labels.put("chain", project.chainType());
            labels.put("rule", rule.id());
            if (perReplica) {
                labels.put("replica", replicaId);
            }
            group = newGroup(key, perReplica ? replicaId : null, labels,
                    Fingerprints.of(rule.id(), project.projectId(), labels));
            groups.put(key, group);
        }
        return group;
    }

    /** The group of a sample (null when the cap is reached), remembering the block it came with. */
    final G seen(String replicaId, long height, String blockHash) {
        G group = group(replicaId);
        if (group != null) {
            group.lastHeight = height;
            group.lastBlockHash = blockHash;
        }
        return group;
    }

    /** A group's common state, with its window of samples (null for none) and the kind's own marks and texts. */
    static EvaluatorSnapshot.GroupState state(Group group, long firstTime, SampleRing window, long[] marks,
            int[] counts, List<String> details) {
        long[][] timesAndHeights = window == null ? new long[2][0] : window.timesAndHeights();
        return new EvaluatorSnapshot.GroupState(group.replicaId, group.firing, group.startsAt, group.consecutive,
                group.lastValue, group.lastHeight, group.lastBlockHash, firstTime, timesAndHeights[0],
                timesAndHeights[1], window == null ? null : window.valuesOldestFirst(), marks, counts, details);
    }

    abstract G newGroup(String key, String replicaId, Map<String, String> labels, String fingerprint);

    /** The evidence of the group's finding. */
    abstract Finding.Evidence evidence(G group);

    /** The summary of the group's finding: a sentence with the values. */
    abstract String summary(G group, boolean firing);

    /** Resolves what time alone resolves (quiet periods, windows passing); most rules resolve on samples only. */
    void tick() {
    }

    final void fire(G group, long at) {
        group.firing = true;
        group.startsAt = at;
        firing++;
        project.emit(this, group, Finding.Status.FIRING, at);
    }

    final void resolve(G group, long at) {
        group.firing = false;
        group.consecutive = 0;
        firing--;
        project.emit(this, group, Finding.Status.RESOLVED, at);
    }

    /** The groups in key order, so that snapshots and timed resolutions are deterministic. */
    final List<G> sortedGroups() {
        List<G> sorted = new ArrayList<>(groups.values());
        sorted.sort(Comparator.comparing(group -> group.key));
        return sorted;
    }

    abstract EvaluatorSnapshot.GroupState snapshot(G group);

    abstract void restore(G group, EvaluatorSnapshot.GroupState state);

    final EvaluatorSnapshot.RuleState snapshot() {
        return new EvaluatorSnapshot.RuleState(rule.id(), EvaluatorSnapshot.definitionOf(rule), sortedGroups().stream()
                .map(this::snapshot).toList());
    }

    final void restore(EvaluatorSnapshot.RuleState state) {
        for (EvaluatorSnapshot.GroupState saved : state.groups()) {
            G group = group(saved.replicaId());
            if (group != null) {
                group.firing = saved.firing();
                group.startsAt = saved.startsAt();
                group.consecutive = saved.consecutive();
                group.lastValue = saved.lastValue();
                group.lastHeight = saved.lastHeight();
                group.lastBlockHash = saved.lastBlockHash();
                if (group.firing) {
                    firing++;
                }
                restore(group, saved);
            }
        }
    }
}
