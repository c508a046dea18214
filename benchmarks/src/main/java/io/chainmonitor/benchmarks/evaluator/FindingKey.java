package io.chainmonitor.benchmarks.evaluator;

/** What both evaluators must agree on: which rule fired or resolved, for which replica, at which corpus event. */
public record FindingKey(String ruleId, String projectId, String replicaId, boolean firing, int eventIndex)
        implements
            Comparable<FindingKey> {

    @Override
    public int compareTo(FindingKey other) {
        int byIndex = Integer.compare(eventIndex, other.eventIndex);
        if (byIndex != 0) {
            return byIndex;
        }
        return toString().compareTo(other.toString());
    }
}
