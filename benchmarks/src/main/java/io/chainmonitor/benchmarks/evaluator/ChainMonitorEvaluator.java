package io.chainmonitor.benchmarks.evaluator;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.rules.eval.ProjectEvaluator;
import io.chainmonitor.rules.model.RuleSetDefinition;

/**
 * Chain Monitor's evaluator as health-service runs it per record: one {@link ProjectEvaluator} per project, fed the
 * pre-parsed metric batch (health-service's Kafka, dedupe and checkpointing are left out: they are measured by the
 * Kafka harness).
 */
public final class ChainMonitorEvaluator {

    private final Map<String, ProjectEvaluator> projects = new HashMap<>();
    private final Function<String, RuleSetDefinition> packs;
    private Consumer<Finding> sink = finding -> {
    };

    /** {@code packs} gives the rule set of a pack name (the default pack, or a subset of it). */
    public ChainMonitorEvaluator(Function<String, RuleSetDefinition> packs) {
        this.packs = packs;
    }

    /** Where findings go from now on. */
    public void sink(Consumer<Finding> findings) {
        this.sink = findings;
    }

    /** Evaluates one event. */
    public void accept(MetricCorpus.Event event) {
        ProjectEvaluator evaluator = projects.get(event.projectId());
        if (evaluator == null) {
            evaluator = ProjectEvaluator.create(event.projectId(), event.batch().chainType(),
                    packs.apply(event.pack()));
            projects.put(event.projectId(), evaluator);
        }
        evaluator.onMetrics(event.batch(), sink);
    }

    /** Every firing and resolution the corpus makes, by event index. */
    public static java.util.SortedSet<FindingKey> findings(MetricCorpus corpus,
            Function<String, RuleSetDefinition> packs) {
        ChainMonitorEvaluator evaluator = new ChainMonitorEvaluator(packs);
        java.util.SortedSet<FindingKey> keys = new java.util.TreeSet<>();
        int[] index = {0};
        evaluator.sink(finding -> keys.add(new FindingKey(finding.ruleId(), corpus.events().get(index[0])
                .projectId(), finding.replicaId(), finding.status() == Finding.Status.FIRING, index[0])));
        for (MetricCorpus.Event event : corpus.events()) {
            evaluator.accept(event);
            index[0]++;
        }
        return keys;
    }
}
