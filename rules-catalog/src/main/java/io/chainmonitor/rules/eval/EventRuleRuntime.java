package io.chainmonitor.rules.eval;

import java.util.List;
import java.util.Map;

import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.rules.model.EventRule;
import io.chainmonitor.rules.model.Signal;
import io.chainmonitor.rules.model.Window;

/**
 * Runs an on/off {@link EventRule}: it fires when its signal happens {@code count} times within the window and
 * resolves once the quiet window passes without it.
 */
final class EventRuleRuntime extends RuleRuntime<EventRuleRuntime.Occurrences>
        implements
            MetricListener,
            EventListener {

    private final EventRule event;
    private final double above;

    EventRuleRuntime(EventRule rule, ProjectEvaluator project) {
        super(rule, project);
        this.event = rule;
        this.above = rule.signal() instanceof Signal.MetricSignal metric ? metric.above() : 0;
    }

    @Override
    public void sample(String replicaId, long time, long height, String blockHash, double value) {
        if (value > above) {
            Occurrences group = group(replicaId);
            if (group != null) {
                group.lastValue = value;
                group.lastBlockHash = blockHash;
                // a node sample has no height: it happened at the project's height
                occur(group, time, height >= 0 ? height : project.height(), null);
            }
        }
    }

    @Override
    public void occur(String replicaId, long time, long height, String detail) {
        Occurrences group = group(replicaId);
        if (group != null) {
            occur(group, time, height, detail);
        }
    }

    private void occur(Occurrences group, long time, long height, String detail) {
        group.seen.add(time, height, group.lastValue);
        group.lastHeight = height;
        group.detail = detail;
        if (!group.firing && group.seen.isFull() && (event.count() == 1 || within(group.seen.time(
                event.count() - 1), group.seen.height(event.count() - 1), event.within()))) {
            fire(group, time);
        }
    }

    private boolean within(long time, long height, Window window) {
        return window.isBlocks()
                ? project.height() - height < window.amount()
                : project.now() - time <= window.amount();
    }

    @Override
    void tick() {
        for (Occurrences group : sortedGroups()) {
            if (group.firing && !within(group.seen.time(0), group.seen.height(0), event.quiet())) {
                resolve(group, project.now());
            }
        }
    }

    @Override
    Occurrences newGroup(String key, String replicaId, Map<String, String> labels, String fingerprint) {
        return new Occurrences(key, replicaId, labels, fingerprint, new SampleRing(event.count()));
    }

    @Override
    Finding.Evidence evidence(Occurrences group) {
        String metric = event.signal() instanceof Signal.MetricSignal m ? m.select().metric() : null;
        return new Finding.Evidence(metric, metric == null ? (double) group.seen.size() : group.lastValue,
                metric == null ? null : above, event.within() == null ? null : event.within().toString(),
                group.detail == null ? List.of() : List.of(group.detail));
    }

    @Override
    String summary(Occurrences group, boolean firing) {
        String what = switch (event.signal()) {
            case Signal.MetricSignal m -> m.select().metric() + " was " + Numbers.format(group.lastValue)
                    + (above == 0 ? "" : " (above " + Numbers.format(above) + ")");
            case Signal.EventSignal e -> group.detail == null ? "a " + e.event().wireName() + " event" : group.detail;
            case Signal.RuleSignal r -> r.ruleId();
        };
        String where = group.onReplica();
        if (!firing) {
            return "No " + (event.signal() instanceof Signal.EventSignal e
                    ? e.event().wireName() + " event"
                    : "such sample") + where + " for " + event.quiet() + "; last: " + what + ".";
        }
        if (event.count() > 1) {
            return event.count() + " times within " + event.within() + where + "; last: " + what + ".";
        }
        if (event.signal() instanceof Signal.MetricSignal) {
            return what + where + ".";
        }
        // an event's own text often names the replica already
        return capitalize(what) + (group.replicaId != null && what.contains(group.replicaId) ? "" : where) + ".";
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    @Override
    EvaluatorSnapshot.GroupState snapshot(Occurrences group) {
        return state(group, 0, group.seen, null, null, group.detail == null ? List.of() : List.of(group.detail));
    }

    @Override
    void restore(Occurrences group, EvaluatorSnapshot.GroupState state) {
        group.seen.restore(state.times(), state.heights(), state.values());
        group.detail = state.details().isEmpty() ? null : state.details().get(0);
    }

    /** An event rule's state for one group: its last {@code count} occurrences. */
    static final class Occurrences extends Group {
        final SampleRing seen;
        String detail;

        Occurrences(String key, String replicaId, Map<String, String> labels, String fingerprint, SampleRing seen) {
            super(key, replicaId, labels, fingerprint);
            this.seen = seen;
        }
    }
}
