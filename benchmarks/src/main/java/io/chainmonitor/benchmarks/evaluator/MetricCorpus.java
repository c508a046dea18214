package io.chainmonitor.benchmarks.evaluator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.rules.model.ChangeRule;
import io.chainmonitor.rules.model.EventRule;
import io.chainmonitor.rules.model.Rule;
import io.chainmonitor.rules.model.RuleSetDefinition;
import io.chainmonitor.rules.model.Signal;
import io.chainmonitor.rules.model.ThresholdRule;
import io.chainmonitor.rules.pack.DefaultPacks;

/**
 * A seeded, pre-parsed stream of metric batches for a project set: projects alternate between the pow and pos default
 * packs, each replica sends one batch per height carrying a sample of every metric its pack's rules read. Values stay
 * on the calm side of each threshold and now and then leave it for a few heights, so rules fire and resolve; the last
 * heights are calm so that every excursion ends inside the corpus.
 */
public record MetricCorpus(List<Event> events) {

    /** Heights at the end with every metric calm. */
    static final int CALM_TAIL = 15;

    /** One batch of one replica of one project, as the evaluator receives it. */
    public record Event(String projectId, String pack, MetricBatch batch) {
    }

    /** Generates the corpus; the same arguments give the same events. */
    public static MetricCorpus generate(int projects, int replicas, int heights, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Map<String, Shape>> shapes = new LinkedHashMap<>();
        for (String pack : DefaultPacks.NAMES) {
            shapes.put(pack, shapes(DefaultPacks.named(pack)));
        }
        int streams = projects * replicas;
        String[] projectIds = new String[projects];
        for (int p = 0; p < projects; p++) {
            projectIds[p] = String.format("00000000-0000-7000-8000-%012d", p);
        }
        // per stream and metric: heights left in the current excursion
        List<Map<String, Integer>> excursions = new ArrayList<>(streams);
        for (int s = 0; s < streams; s++) {
            excursions.add(new LinkedHashMap<>());
        }
        Instant start = Instant.parse("2026-11-22T00:00:00Z");
        List<Event> events = new ArrayList<>(streams * heights);
        for (int h = 0; h < heights; h++) {
            boolean calm = h >= heights - CALM_TAIL;
            for (int p = 0; p < projects; p++) {
                String pack = DefaultPacks.NAMES.get(p % DefaultPacks.NAMES.size());
                String chainType = pack.equals("pow") ? "bitcoin" : "ethereum";
                for (int r = 0; r < replicas; r++) {
                    Map<String, Integer> left = excursions.get(p * replicas + r);
                    List<MetricBatch.Sample> samples = new ArrayList<>();
                    for (var entry : shapes.get(pack).entrySet()) {
                        String metric = entry.getKey();
                        int remaining = left.getOrDefault(metric, 0);
                        if (remaining == 0 && !calm && random.nextInt(100) == 0) {
                            remaining = 3 + random.nextInt(10);
                        }
                        boolean out = remaining > 0 && !calm;
                        left.put(metric, Math.max(0, remaining - 1));
                        samples.add(new MetricBatch.Sample(metric, entry.getValue().value(out, random), null,
                                Map.of()));
                    }
                    String replicaId = "r-" + (r + 1);
                    long height = 1_000 + h;
                    events.add(new Event(projectIds[p], pack,
                            new MetricBatch(replicaId, chainType, height, "0x" + Long.toHexString(height * 31 + r),
                                    start.plusSeconds(h * 12L + r), "chain-watcher", samples)));
                }
            }
        }
        return new MetricCorpus(List.copyOf(events));
    }

    /** The shape of every metric the pack's rules read: where calm ends and where an excursion lands. */
    static Map<String, Shape> shapes(RuleSetDefinition pack) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (Rule rule : pack.rules()) {
            switch (rule) {
                case ThresholdRule t -> shapes.put(t.select().metric(), t.op() == ThresholdRule.Comparison.ABOVE
                        ? new Shape(t.value() <= 0 ? 0 : Math.min(t.value(), t.resolveValue()) * 0.5,
                                t.value() <= 0 ? 1 : t.value() * 1.5 + 1)
                        : new Shape(Math.max(t.value(), t.resolveValue()) * 2 + 1, t.value() * 0.5));
                case ChangeRule c -> shapes.putIfAbsent(c.select().metric(),
                        new Shape(100, c.percent() > 0 ? 100 * (1 + c.percent() / 100) * 1.5 : 100 * 0.3));
                case EventRule e -> {
                    if (e.signal() instanceof Signal.MetricSignal m) {
                        shapes.putIfAbsent(m.select().metric(), new Shape(0, m.above() + 1));
                    }
                }
                default -> {
                    // rules on platform events (reorgs, wire incidents, logs) and composites read no metric
                }
            }
        }
        return shapes;
    }

    /** A metric's calm value and its excursion; calm values get a little noise. */
    record Shape(double calm, double excursion) {

        double value(boolean out, SplittableRandom random) {
            if (out) {
                return excursion;
            }
            return calm == 0 ? 0 : calm * (0.95 + random.nextDouble() * 0.1);
        }
    }
}
