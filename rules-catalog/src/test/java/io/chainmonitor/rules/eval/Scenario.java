package io.chainmonitor.rules.eval;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chainmonitor.events.chain.ChainBlock;
import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.node.NodeLogLine;
import io.chainmonitor.events.project.ReplicaLifecycle;
import io.chainmonitor.events.wire.WireIncident;
import io.chainmonitor.rules.model.MetricVocabulary;
import io.chainmonitor.rules.model.RuleSetDefinition;

/**
 * A recorded sequence of a project's events, built step by step: blocks a minute apart with their metrics, node
 * samples at a given interval, reorgs, wire incidents, log lines and replica states. Replayed into an evaluator.
 */
public final class Scenario {

    static final String PROJECT = "7d0c5e2a-9b14-4c3f-8e61-0a2f9d4b7c15";
    static final String CHAIN = "litecoin";
    static final Instant START = Instant.parse("2026-11-22T03:00:00Z");
    static final Duration BLOCK_TIME = Duration.ofMinutes(1);

    private final List<Step> steps = new ArrayList<>();
    private Instant time = START;
    private long height = 1_000;
    private String replica = "r-1";
    private int counter;

    /** One event and the time it carries (for the replica lifecycle, the envelope's). */
    record Step(Object event, Instant at) {
    }

    public static Scenario start() {
        return new Scenario();
    }

    /** Following steps concern this replica. */
    public Scenario on(String replicaId) {
        replica = replicaId;
        return this;
    }

    /** {@code count} blocks, one a minute, each carrying the metric at the value. */
    public Scenario blocks(int count, String metric, double value) {
        for (int i = 0; i < count; i++) {
            block(Map.of(metric, value));
        }
        return this;
    }

    /** One block a minute after the last, with these samples (and its height). */
    public Scenario block(Map<String, Double> samples) {
        time = time.plus(BLOCK_TIME);
        height++;
        steps.add(new Step(new ChainBlock(replica, CHAIN, height, hash(), null, time.minusSeconds(2), time, 3, null,
                "miner-a", null, null, null, null, 0, false, null), time));
        steps.add(new Step(batch(height, samples), time));
        return this;
    }

    /** {@code count} node samples {@code every} apart (no block height). */
    public Scenario samples(int count, Duration every, String metric, double value) {
        for (int i = 0; i < count; i++) {
            time = time.plus(every);
            steps.add(new Step(batch(null, Map.of(metric, value)), time));
        }
        return this;
    }

    /** A block that reorganised the chain, and the chain watcher's reorg metrics for it. */
    public Scenario reorg(int depth) {
        time = time.plus(BLOCK_TIME);
        height++;
        ChainBlock.Reorg reorg = new ChainBlock.Reorg(depth, "old-" + counter, height - 1, "new-" + counter,
                height - depth - 1, List.of());
        steps.add(new Step(new ChainBlock(replica, CHAIN, height, hash(), null, time.minusSeconds(2), time, 3, null,
                "miner-b", null, null, null, null, 0, false, reorg), time));
        steps.add(new Step(batch(height, Map.of("chain.reorg.depth", (double) depth, "chain.reorg.count", 1.0)),
                time));
        return this;
    }

    /** A wire incident a few seconds after the last step. */
    public Scenario wire(boolean critical, String classification) {
        time = time.plusSeconds(5);
        steps.add(new Step(new WireIncident("inc-" + counter++, replica, time, "198.51.100.7", 40000,
                WireIncident.Port.RPC, "json-rpc", critical ? "setban" : "foo_bar", critical, classification,
                WireIncident.Disposition.REFUSED, "198.51.100.7 called a method on " + replica, null, 80, Map.of()),
                time));
        return this;
    }

    /** A node log line a few seconds after the last step. */
    public Scenario log(String level, String message) {
        time = time.plusSeconds(5);
        steps.add(new Step(new NodeLogLine(replica, time, NodeLogLine.Stream.STDERR, level, message, counter++),
                time));
        return this;
    }

    /** The replica changed state a few seconds after the last step. */
    public Scenario replica(ReplicaLifecycle.State state) {
        time = time.plusSeconds(5);
        steps.add(new Step(new ReplicaLifecycle(PROJECT, replica, state, CHAIN, "local", "process", null, null,
                "test", 0), time));
        return this;
    }

    /** The steps of another scenario appended, shifted to follow this one's time and height. */
    public Scenario then(Scenario other) {
        Duration shift = Duration.between(START, time);
        long heightShift = height - 1_000;
        for (Step step : other.steps) {
            steps.add(new Step(shifted(step.event(), shift, heightShift), step.at().plus(shift)));
        }
        time = other.time.plus(shift);
        height = other.height + heightShift;
        return this;
    }

    /** Replays the steps into a fresh evaluator of the rules; the findings in the order they came. */
    public List<Finding> run(RuleSetDefinition rules) {
        return replay(ProjectEvaluator.create(PROJECT, CHAIN, rules));
    }

    /** Replays the steps into this evaluator. */
    public List<Finding> replay(ProjectEvaluator evaluator) {
        List<Finding> findings = new ArrayList<>();
        for (Step step : steps) {
            switch (step.event()) {
                case MetricBatch batch -> evaluator.onMetrics(batch, findings::add);
                case ChainBlock block -> evaluator.onBlock(block, findings::add);
                case WireIncident incident -> evaluator.onWireIncident(incident, findings::add);
                case NodeLogLine line -> evaluator.onNodeLog(line, findings::add);
                case ReplicaLifecycle lifecycle -> evaluator.onReplica(lifecycle, step.at(), findings::add);
                default -> throw new IllegalStateException("no such step " + step);
            }
        }
        return findings;
    }

    /** The steps split in two at {@code index}, for snapshot tests. */
    List<Scenario> splitAt(int index) {
        Scenario first = new Scenario();
        Scenario second = new Scenario();
        first.steps.addAll(steps.subList(0, index));
        second.steps.addAll(steps.subList(index, steps.size()));
        return List.of(first, second);
    }

    int size() {
        return steps.size();
    }

    private MetricBatch batch(Long batchHeight, Map<String, Double> samples) {
        List<MetricBatch.Sample> list = new ArrayList<>();
        new LinkedHashMap<>(samples).forEach((metric, value) -> list.add(new MetricBatch.Sample(metric, value,
                MetricVocabulary.unit(metric).orElseThrow(() -> new IllegalArgumentException(metric)), Map.of())));
        return new MetricBatch(replica, CHAIN, batchHeight, batchHeight == null ? null : hash(), time,
                "chain-watcher", list);
    }

    private String hash() {
        return "%064x".formatted(height);
    }

    private static Object shifted(Object event, Duration shift, long heightShift) {
        return switch (event) {
            case MetricBatch b -> new MetricBatch(b.replicaId(), b.chainType(), b.height() == null
                    ? null
                    : b.height() + heightShift, b.blockHash(), b.observedAt().plus(shift), b.producer(), b.samples());
            case ChainBlock b -> new ChainBlock(b.replicaId(), b.chainType(), b.height() + heightShift, b.hash(),
                    b.parentHash(), b.blockTime().plus(shift), b.receivedAt().plus(shift), b.transactionCount(),
                    b.sizeBytes(), b.producer(), b.difficulty(), b.gasUsed(), b.gasLimit(), b.baseFeePerGas(),
                    b.uncleCount(), b.backfilled(), b.reorg());
            case WireIncident w -> new WireIncident(w.incidentId(), w.replicaId(), w.receivedAt().plus(shift),
                    w.sourceAddress(), w.sourcePort(), w.port(), w.protocol(), w.method(), w.critical(),
                    w.classification(), w.disposition(), w.summary(), w.excerpt(), w.bytes(), w.labels());
            case NodeLogLine l -> new NodeLogLine(l.replicaId(), l.at().plus(shift), l.stream(), l.level(),
                    l.message(), l.lineNumber());
            default -> event;
        };
    }
}
