package io.chainmonitor.benchmarks.evaluator;

import java.util.SortedSet;
import java.util.TreeSet;

/** Says how two sets of findings differ, for the message of a run whose evaluators disagree. */
final class Equivalence {

    private Equivalence() {
    }

    static String describe(SortedSet<FindingKey> ours, SortedSet<FindingKey> theirs) {
        SortedSet<FindingKey> onlyOurs = new TreeSet<>(ours);
        onlyOurs.removeAll(theirs);
        SortedSet<FindingKey> onlyTheirs = new TreeSet<>(theirs);
        onlyTheirs.removeAll(ours);
        return onlyOurs.size() + " only from Chain Monitor (first: "
                + (onlyOurs.isEmpty() ? "none" : onlyOurs.first()) + "), " + onlyTheirs.size()
                + " only from Esper (first: " + (onlyTheirs.isEmpty() ? "none" : onlyTheirs.first()) + ")";
    }
}
