package io.chainmonitor.rules.eval;

import java.util.List;

import io.chainmonitor.rules.model.Rule;

/**
 * A project's evaluation state as plain data (JSON-serializable records of numbers, strings and arrays), so that the
 * health service can persist it and resume without alerting again or missing a window. A rule whose definition
 * changed since the snapshot starts afresh; the others carry on.
 */
public record EvaluatorSnapshot(int format, String projectId, long now, long height, List<RuleState> rules) {

    /** The snapshot format this code writes and reads. */
    public static final int FORMAT = 1;

    public EvaluatorSnapshot {
        rules = List.copyOf(rules);
    }

    /** One rule's groups, with the definition they were computed under. */
    public record RuleState(String ruleId, String definition, List<GroupState> groups) {
        public RuleState {
            groups = List.copyOf(groups);
        }
    }

    /**
     * One group's state. The arrays hold the rule's window (oldest first) and, for events and composites, the marks
     * and counters of their signals; {@code details} the texts that go into a finding.
     */
    public record GroupState(String replicaId, boolean firing, long startsAt, int consecutive, double lastValue,
            long lastHeight, String lastBlockHash, long firstTime, long[] times, long[] heights, double[] values,
            long[] marks, int[] counts, List<String> details) {
        public GroupState {
            times = times == null ? new long[0] : times;
            heights = heights == null ? new long[0] : heights;
            values = values == null ? new double[0] : values;
            marks = marks == null ? new long[0] : marks;
            counts = counts == null ? new int[0] : counts;
            details = details == null
                    ? List.of()
                    : java.util.Collections.unmodifiableList(
                            new java.util.ArrayList<>(details));
        }
    }

    /** What identifies a rule's definition: if it changes, the saved state no longer applies. */
    static String definitionOf(Rule rule) {
        return Fingerprints.of(rule.id(), rule.toString(), java.util.Map.of());
    }
}
