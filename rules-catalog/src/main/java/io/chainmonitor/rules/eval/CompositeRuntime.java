package io.chainmonitor.rules.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.rules.model.CompositeRule;
import io.chainmonitor.rules.model.CompositeRule.Mode;
import io.chainmonitor.rules.model.Signal;
import io.chainmonitor.rules.model.Window;

/**
 * Runs a {@link CompositeRule} (an attack signature). A rule signal counts while that rule fires and for the window
 * after it resolves; an event signal for the window after it happens. In-order matching keeps at most
 * {@link #MAX_PARTIALS} partial matches per group, dropping the oldest.
 */
final class CompositeRuntime extends RuleRuntime<CompositeRuntime.Pattern> {

    /** Most partial in-order matches a group keeps. */
    static final int MAX_PARTIALS = 8;
    private static final long NEVER = Long.MIN_VALUE;

    private final CompositeRule composite;
    private final int n;

    CompositeRuntime(CompositeRule rule, ProjectEvaluator project) {
        super(rule, project);
        this.composite = rule;
        this.n = rule.signals().size();
    }

    /** The listener for signal {@code index} when it is an event. */
    EventListener eventSignal(int index) {
        return (replicaId, time, height, detail) -> signal(index, replicaId, time, height, true, false, detail, null);
    }

    /** Rule signal {@code index} fired ({@code firing}) or resolved, with its finding. */
    void ruleSignal(int index, Finding finding, long time, long height) {
        boolean firing = finding.status() == Finding.Status.FIRING;
        signal(index, finding.replicaId(), time, height, firing, !firing, finding.summary(), finding.evidence());
    }

    private void signal(int index, String replicaId, long time, long height, boolean occurred, boolean ended,
            String detail, Finding.Evidence evidence) {
        Pattern group = group(replicaId);
        if (group == null) {
            return;
        }
        group.lastHeight = height;
        group.lastTime[index] = time;
        group.lastSignalHeight[index] = height;
        boolean isRule = composite.signals().get(index) instanceof Signal.RuleSignal;
        if (ended) {
            group.active[index] = Math.max(0, group.active[index] - 1);
        } else {
            if (isRule) {
                group.active[index]++;
            }
            group.detail[index] = detail;
            group.evidence[index] = evidence;
        }
        if (occurred && composite.mode() == Mode.IN_ORDER) {
            advance(group, index, time, height);
        }
        if (satisfied(group)) {
            group.satisfiedTime = time;
            group.satisfiedHeight = height;
            if (!group.firing) {
                fire(group, time);
            }
        }
    }

    private void advance(Pattern group, int index, long time, long height) {
        int kept = 0;
        for (int i = 0; i < group.partials; i++) {
            if (within(group.partialTime[i], group.partialHeight[i])) {
                group.partialTime[kept] = group.partialTime[i];
                group.partialHeight[kept] = group.partialHeight[i];
                group.partialNext[kept++] = group.partialNext[i];
            }
        }
        group.partials = kept;
        for (int i = 0; i < group.partials; i++) {
            if (group.partialNext[i] == index) {
                group.partialNext[i]++;
                if (group.partialNext[i] == n) {
                    group.completed = true;
                    group.partials = 0;
                    return;
                }
            }
        }
        if (index == 0) {
            if (group.partials == MAX_PARTIALS) {
                System.arraycopy(group.partialTime, 1, group.partialTime, 0, MAX_PARTIALS - 1);
                System.arraycopy(group.partialHeight, 1, group.partialHeight, 0, MAX_PARTIALS - 1);
                System.arraycopy(group.partialNext, 1, group.partialNext, 0, MAX_PARTIALS - 1);
                group.partials--;
            }
            group.partialTime[group.partials] = time;
            group.partialHeight[group.partials] = height;
            group.partialNext[group.partials++] = 1;
        }
    }

    private boolean satisfied(Pattern group) {
        if (composite.mode() == Mode.IN_ORDER) {
            boolean completed = group.completed;
            group.completed = false;
            return completed;
        }
        return present(group) >= composite.atLeast();
    }

    private int present(Pattern group) {
        int present = 0;
        for (int i = 0; i < n; i++) {
            if (present(group, i)) {
                present++;
            }
        }
        return present;
    }

    private boolean present(Pattern group, int i) {
        return group.active[i] > 0 || group.lastTime[i] != NEVER && within(group.lastTime[i],
                group.lastSignalHeight[i]);
    }

    private boolean within(long time, long height) {
        Window window = composite.within();
        return window.isBlocks()
                ? project.height() - height <= window.amount()
                : project.now() - time <= window.amount();
    }

    @Override
    void tick() {
        for (Pattern group : sortedGroups()) {
            if (!group.firing) {
                continue;
            }
            boolean holds = composite.mode() == Mode.IN_ORDER
                    ? within(group.satisfiedTime, group.satisfiedHeight)
                    : present(group) >= composite.atLeast();
            if (!holds) {
                resolve(group, project.now());
            }
        }
    }

    @Override
    Pattern newGroup(String key, String replicaId, Map<String, String> labels, String fingerprint) {
        return new Pattern(key, replicaId, labels, fingerprint, n);
    }

    @Override
    Finding.Evidence evidence(Pattern group) {
        List<String> signals = new ArrayList<>();
        Finding.Evidence first = null;
        for (int i = 0; i < n; i++) {
            if (group.detail[i] != null && (present(group, i) || group.firing)) {
                signals.add(name(i) + ": " + group.detail[i]);
                if (first == null && group.evidence[i] != null && group.evidence[i].metric() != null) {
                    first = group.evidence[i];
                }
            }
        }
        return new Finding.Evidence(first == null ? null : first.metric(), first == null ? null : first.value(),
                first == null ? null : first.threshold(), composite.within().toString(), signals);
    }

    private String name(int index) {
        return switch (composite.signals().get(index)) {
            case Signal.RuleSignal rule -> rule.ruleId();
            case Signal.EventSignal event -> event.event().wireName();
            case Signal.MetricSignal metric -> metric.select().metric();
        };
    }

    @Override
    String summary(Pattern group, boolean firing) {
        String attack = composite.attack() == null
                ? composite.header().title()
                : composite.attack().wireName()
                        + " attack signature";
        String where = group.onReplica();
        if (!firing) {
            return capitalize(attack) + where + " no longer matches: its signals left the " + composite.within()
                    + " window.";
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (present(group, i)) {
                names.add(name(i));
            }
        }
        String how = switch (composite.mode()) {
            case ALL -> "all " + n + " signals";
            case AT_LEAST -> names.size() + " of " + n + " signals (at least " + composite.atLeast() + ")";
            case IN_ORDER -> "all " + n + " signals in order";
        };
        return capitalize(attack) + where + ": " + how + " within " + composite.within() + ": " + String.join(", ",
                names) + ". " + composite.header().description();
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    @Override
    EvaluatorSnapshot.GroupState snapshot(Pattern group) {
        long[] marks = new long[2 * n + 2];
        System.arraycopy(group.lastTime, 0, marks, 0, n);
        System.arraycopy(group.lastSignalHeight, 0, marks, n, n);
        marks[2 * n] = group.satisfiedTime;
        marks[2 * n + 1] = group.satisfiedHeight;
        int[] counts = new int[n + group.partials];
        System.arraycopy(group.active, 0, counts, 0, n);
        System.arraycopy(group.partialNext, 0, counts, n, group.partials);
        // details: the n signal texts, then the n evidence metrics ("" for none); values: evidence value, threshold
        List<String> details = new ArrayList<>();
        double[] values = new double[2 * n];
        for (int i = 0; i < n; i++) {
            details.add(group.detail[i] == null ? "" : group.detail[i]);
        }
        for (int i = 0; i < n; i++) {
            Finding.Evidence evidence = group.evidence[i];
            boolean full = evidence != null && evidence.metric() != null && evidence.value() != null
                    && evidence.threshold() != null;
            details.add(full ? evidence.metric() : "");
            values[2 * i] = full ? evidence.value() : 0;
            values[2 * i + 1] = full ? evidence.threshold() : 0;
        }
        return new EvaluatorSnapshot.GroupState(group.replicaId, group.firing, group.startsAt, group.consecutive,
                group.lastValue, group.lastHeight, group.lastBlockHash, 0, Arrays.copyOf(group.partialTime,
                        group.partials),
                Arrays.copyOf(group.partialHeight, group.partials), values, marks, counts,
                details);
    }

    @Override
    void restore(Pattern group, EvaluatorSnapshot.GroupState state) {
        long[] marks = state.marks();
        if (marks.length != 2 * n + 2 || state.counts().length < n || state.details().size() != 2 * n
                || state.values().length != 2 * n) {
            return;
        }
        System.arraycopy(marks, 0, group.lastTime, 0, n);
        System.arraycopy(marks, n, group.lastSignalHeight, 0, n);
        group.satisfiedTime = marks[2 * n];
        group.satisfiedHeight = marks[2 * n + 1];
        System.arraycopy(state.counts(), 0, group.active, 0, n);
        group.partials = Math.min(MAX_PARTIALS, state.counts().length - n);
        System.arraycopy(state.counts(), n, group.partialNext, 0, group.partials);
        System.arraycopy(state.times(), 0, group.partialTime, 0, group.partials);
        System.arraycopy(state.heights(), 0, group.partialHeight, 0, group.partials);
        for (int i = 0; i < n; i++) {
            group.detail[i] = state.details().get(i).isEmpty() ? null : state.details().get(i);
            String metric = state.details().get(n + i);
            group.evidence[i] = metric.isEmpty()
                    ? null
                    : new Finding.Evidence(metric, state.values()[2 * i], state.values()[2 * i + 1], null, null);
        }
    }

    /** A composite's state for one group: when each signal was last seen, which rules fire, partial matches. */
    static final class Pattern extends Group {
        final long[] lastTime;
        final long[] lastSignalHeight;
        final int[] active;
        final String[] detail;
        final Finding.Evidence[] evidence;
        final long[] partialTime = new long[MAX_PARTIALS];
        final long[] partialHeight = new long[MAX_PARTIALS];
        final int[] partialNext = new int[MAX_PARTIALS];
        int partials;
        boolean completed;
        long satisfiedTime;
        long satisfiedHeight;

        Pattern(String key, String replicaId, Map<String, String> labels, String fingerprint, int signals) {
            super(key, replicaId, labels, fingerprint);
            lastTime = new long[signals];
            Arrays.fill(lastTime, NEVER);
            lastSignalHeight = new long[signals];
            active = new int[signals];
            detail = new String[signals];
            evidence = new Finding.Evidence[signals];
        }
    }
}
