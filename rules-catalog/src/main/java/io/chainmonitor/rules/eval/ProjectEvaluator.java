package io.chainmonitor.rules.eval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.chainmonitor.events.ChainRef;
import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.chain.ChainBlock;
import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.node.NodeLogLine;
import io.chainmonitor.events.project.ReplicaLifecycle;
import io.chainmonitor.events.wire.WireIncident;
import io.chainmonitor.rules.model.CompositeRule;
import io.chainmonitor.rules.model.EventRule;
import io.chainmonitor.rules.model.MetricSelector;
import io.chainmonitor.rules.model.Rule;
import io.chainmonitor.rules.model.RuleSetDefinition;
import io.chainmonitor.rules.model.Signal;
import io.chainmonitor.rules.model.Signal.EventKind;
import io.chainmonitor.rules.model.ThresholdRule;

/**
 * Evaluates one project's rule set on its events and reports findings (firing, then resolved) to a sink. Time comes
 * from the events only (the latest time and block height seen), never from the wall clock, so the same events give
 * the same findings. Not thread-safe: one project's events arrive in order on one partition, one thread.
 */
public final class ProjectEvaluator {

    private final String projectId;
    private final String chainType;
    private final List<RuleRuntime<?>> runtimes = new ArrayList<>();
    private final List<RuleRuntime<?>> timed = new ArrayList<>();
    private final Map<String, MetricBinding[]> byMetric = new HashMap<>();
    private final Map<EventKind, List<EventBinding>> byEvent = new EnumMap<>(EventKind.class);
    private final Map<String, List<CompositeBinding>> byRule = new HashMap<>();
    private long now = Long.MIN_VALUE;
    private long height = -1;
    private Consumer<Finding> sink;

    private ProjectEvaluator(String projectId, String chainType, RuleSetDefinition rules) {
        this.projectId = projectId;
        this.chainType = chainType;
        Map<String, List<MetricBinding>> metrics = new HashMap<>();
        for (Rule rule : rules.rules()) {
            if (rule.header().enabled()) {
                add(rule, metrics);
            }
        }
        metrics.forEach((metric, bindings) -> byMetric.put(metric, bindings.toArray(MetricBinding[]::new)));
    }

    /** A fresh evaluator for a project's rule set. */
    public static ProjectEvaluator create(String projectId, String chainType, RuleSetDefinition rules) {
        return new ProjectEvaluator(projectId, chainType, rules);
    }

    /**
     * An evaluator that resumes from a snapshot: firing findings stay firing (and are not reported again), windows
     * keep their samples. Rules changed or added since the snapshot start afresh.
     */
    public static ProjectEvaluator restore(String projectId, String chainType, RuleSetDefinition rules,
            EvaluatorSnapshot snapshot) {
        if (snapshot.format() != EvaluatorSnapshot.FORMAT || !snapshot.projectId().equals(projectId)) {
            throw new IllegalArgumentException("snapshot of project " + snapshot.projectId() + " in format "
                    + snapshot.format() + " cannot resume project " + projectId);
        }
        ProjectEvaluator evaluator = new ProjectEvaluator(projectId, chainType, rules);
        evaluator.now = snapshot.now();
        evaluator.height = snapshot.height();
        Map<String, EvaluatorSnapshot.RuleState> saved = new HashMap<>();
        snapshot.rules().forEach(state -> saved.put(state.ruleId(), state));
        for (RuleRuntime<?> runtime : evaluator.runtimes) {
            EvaluatorSnapshot.RuleState state = saved.get(runtime.id());
            if (state != null && state.definition().equals(EvaluatorSnapshot.definitionOf(runtime.rule))) {
                runtime.restore(state);
            }
        }
        return evaluator;
    }

    private void add(Rule rule, Map<String, List<MetricBinding>> metrics) {
        switch (rule) {
            case ThresholdRule threshold -> bindMetric(metrics, threshold.select(), new ThresholdRuntime(threshold,
                    this));
            case io.chainmonitor.rules.model.ChangeRule change -> bindMetric(metrics, change.select(),
                    new ChangeRuntime(change, this));
            case EventRule event -> {
                EventRuleRuntime runtime = new EventRuleRuntime(event, this);
                timed.add(runtime);
                if (event.signal() instanceof Signal.MetricSignal metric) {
                    bindMetric(metrics, metric.select(), runtime);
                } else {
                    bindEvent((Signal.EventSignal) event.signal(), runtime);
                }
            }
            case CompositeRule composite -> {
                CompositeRuntime runtime = new CompositeRuntime(composite, this);
                runtimes.add(runtime);
                timed.add(runtime);
                for (int i = 0; i < composite.signals().size(); i++) {
                    switch (composite.signals().get(i)) {
                        case Signal.RuleSignal ruleSignal -> byRule.computeIfAbsent(ruleSignal.ruleId(),
                                id -> new ArrayList<>()).add(new CompositeBinding(runtime, i));
                        case Signal.EventSignal eventSignal -> bindEvent(eventSignal, runtime.eventSignal(i));
                        case Signal.MetricSignal metric -> throw new IllegalStateException("checked by the model");
                    }
                }
            }
        }
    }

    private void bindMetric(Map<String, List<MetricBinding>> metrics, MetricSelector select,
            RuleRuntime<?> runtime) {
        if (!runtimes.contains(runtime)) {
            runtimes.add(runtime);
        }
        metrics.computeIfAbsent(select.metric(), metric -> new ArrayList<>())
                .add(new MetricBinding(select, (MetricListener) runtime));
    }

    private void bindEvent(Signal.EventSignal signal, EventListener listener) {
        if (listener instanceof RuleRuntime<?> runtime && !runtimes.contains(runtime)) {
            runtimes.add(runtime);
        }
        byEvent.computeIfAbsent(signal.event(), kind -> new ArrayList<>()).add(new EventBinding(signal, listener));
    }

    /**
     * Evaluates any event of the project as it arrives from Kafka; the replica lifecycle takes the envelope's time.
     * Returns false for event types the rules do not read.
     */
    public boolean accept(Envelope<?> envelope, Consumer<Finding> findings) {
        if (!projectId.equals(envelope.projectid())) {
            throw new IllegalArgumentException("an event of project " + envelope.projectid()
                    + " sent to the evaluator of project " + projectId);
        }
        switch (envelope.data()) {
            case MetricBatch batch -> onMetrics(batch, findings);
            case ChainBlock block -> onBlock(block, findings);
            case WireIncident incident -> onWireIncident(incident, findings);
            case NodeLogLine line -> onNodeLog(line, findings);
            case ReplicaLifecycle lifecycle -> onReplica(lifecycle, envelope.time(), findings);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Evaluates a batch of samples. */
    public void onMetrics(MetricBatch batch, Consumer<Finding> findings) {
        long time = batch.observedAt().toEpochMilli();
        long batchHeight = batch.height() == null ? -1 : batch.height();
        begin(time, batchHeight, findings);
        List<MetricBatch.Sample> samples = batch.samples();
        for (int s = 0, count = samples.size(); s < count; s++) {
            MetricBatch.Sample sample = samples.get(s);
            MetricBinding[] bindings = byMetric.get(sample.metric());
            if (bindings == null) {
                continue;
            }
            for (MetricBinding binding : bindings) {
                if (binding.select.matches(sample.labels())) {
                    binding.listener.sample(batch.replicaId(), time, batchHeight, batch.blockHash(), sample.value());
                }
            }
        }
        end();
    }

    /** A block: moves the project's height on; a reorg is an event signal. */
    public void onBlock(ChainBlock block, Consumer<Finding> findings) {
        long time = block.receivedAt().toEpochMilli();
        begin(time, block.height(), findings);
        ChainBlock.Reorg reorg = block.reorg();
        if (reorg != null) {
            occur(EventKind.REORG, block, block.replicaId(), time, block.height(),
                    "a reorg of depth " + reorg.depth() + " replaced the tip " + reorg.oldTipHeight()
                            + " (fork after block " + reorg.forkHeight() + ", new tip at " + block.height() + ")");
        }
        end();
    }

    public void onWireIncident(WireIncident incident, Consumer<Finding> findings) {
        long time = incident.receivedAt().toEpochMilli();
        begin(time, -1, findings);
        occur(EventKind.WIRE_INCIDENT, incident, incident.replicaId(), time, height, incident.summary());
        end();
    }

    public void onNodeLog(NodeLogLine line, Consumer<Finding> findings) {
        long time = line.at().toEpochMilli();
        begin(time, -1, findings);
        occur(EventKind.NODE_LOG, line, line.replicaId(), time, height, line.level() + ": " + line.message());
        end();
    }

    /** A replica's state changed at {@code at} (the envelope's time: the record carries none). */
    public void onReplica(ReplicaLifecycle lifecycle, Instant at, Consumer<Finding> findings) {
        long time = at.toEpochMilli();
        begin(time, -1, findings);
        if (EventFields.offline(lifecycle.state())) {
            occur(EventKind.REPLICA_OFFLINE, lifecycle, lifecycle.replicaId(), time, height,
                    "replica " + lifecycle.replicaId() + " is " + EventFields.lower(lifecycle.state())
                            + (lifecycle.reason() == null ? "" : ": " + lifecycle.reason()));
        }
        end();
    }

    private void occur(EventKind kind, Object event, String replicaId, long time, long at, String detail) {
        List<EventBinding> bindings = byEvent.get(kind);
        if (bindings != null) {
            for (EventBinding binding : bindings) {
                if (EventFields.matches(binding.signal, event)) {
                    binding.listener.occur(replicaId, time, at, detail);
                }
            }
        }
    }

    private void begin(long time, long eventHeight, Consumer<Finding> findings) {
        sink = findings;
        if (time > now) {
            now = time;
        }
        if (eventHeight > height) {
            height = eventHeight;
        }
    }

    private void end() {
        for (int i = 0, count = timed.size(); i < count; i++) {
            RuleRuntime<?> runtime = timed.get(i);
            if (runtime.firing > 0) {
                runtime.tick();
            }
        }
        sink = null;
    }

    /** Reports a finding of a rule and passes it on to the composites that listen to that rule. */
    <G extends Group> void emit(RuleRuntime<G> runtime, G group, Finding.Status status, long at) {
        Rule rule = runtime.rule;
        String title = rule.header().title() + (group.replicaId == null ? "" : " on " + group.replicaId);
        long known = group.lastHeight >= 0 ? group.lastHeight : height;
        Long chainHeight = known >= 0 ? Long.valueOf(known) : null;
        Finding finding = new Finding(group.fingerprint, rule.id(),
                rule instanceof CompositeRule composite && composite.attack() != null
                        ? composite.attack().wireName()
                        : null,
                status, title, runtime.summary(group, status == Finding.Status.FIRING),
                new ChainRef(chainType, chainHeight, group.lastBlockHash), group.replicaId, runtime.evidence(group),
                group.labels, rule.header().recommendedActions(), Instant.ofEpochMilli(group.startsAt),
                status == Finding.Status.RESOLVED ? Instant.ofEpochMilli(Math.max(at, group.startsAt)) : null);
        if (sink != null) {
            sink.accept(finding);
        }
        List<CompositeBinding> listeners = byRule.get(rule.id());
        if (listeners != null) {
            for (CompositeBinding listener : listeners) {
                listener.composite.ruleSignal(listener.index, finding, at, height);
            }
        }
    }

    /** The evaluation state, for the health service to persist. */
    public EvaluatorSnapshot snapshot() {
        List<EvaluatorSnapshot.RuleState> states = runtimes.stream().sorted(Comparator.comparing(RuleRuntime::id))
                .map(RuleRuntime::snapshot).toList();
        return new EvaluatorSnapshot(EvaluatorSnapshot.FORMAT, projectId, now, height, states);
    }

    /** The ids of the rules firing now, with the replica they fire for ("" for the project), sorted. */
    public List<String> firing() {
        List<String> firing = new ArrayList<>();
        for (RuleRuntime<?> runtime : runtimes) {
            for (Group group : runtime.sortedGroups()) {
                if (group.firing) {
                    firing.add(runtime.id() + (group.replicaId == null ? "" : "@" + group.replicaId));
                }
            }
        }
        firing.sort(Comparator.naturalOrder());
        return firing;
    }

    String projectId() {
        return projectId;
    }

    String chainType() {
        return chainType;
    }

    long now() {
        return now;
    }

    long height() {
        return height;
    }

    private record MetricBinding(MetricSelector select, MetricListener listener) {
    }

    private record EventBinding(Signal.EventSignal signal, EventListener listener) {
    }

    private record CompositeBinding(CompositeRuntime composite, int index) {
    }
}
