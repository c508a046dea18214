package io.chainmonitor.benchmarks.evaluator;

import java.util.List;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import io.chainmonitor.rules.pack.DefaultPacks;

/**
 * One operation is one pre-parsed metric batch of one replica through the rules of its project, cycling through the
 * seeded corpus: Chain Monitor's evaluator with the whole default packs, the same with only the rules Esper has
 * statements for, and Esper with those statements. One thread each (JMH's default).
 */
@State(Scope.Thread)
public class EvaluatorBenchmark {

    @Param("50")
    public int projects;

    @Param("3")
    public int replicas;

    @Param("400")
    public int heights;

    @Param("42")
    public long seed;

    private List<MetricCorpus.Event> events;
    private EsperSample[][] esperEvents;
    private ChainMonitorEvaluator defaultPacks;
    private ChainMonitorEvaluator comparable;
    private EsperEvaluator esper;
    private int next;
    private Blackhole blackhole;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        MetricCorpus corpus = MetricCorpus.generate(projects, replicas, heights, seed);
        events = corpus.events();
        esperEvents = EsperEvaluator.samples(corpus);
        this.blackhole = blackhole;
        defaultPacks = new ChainMonitorEvaluator(DefaultPacks::named);
        defaultPacks.sink(blackhole::consume);
        comparable = new ChainMonitorEvaluator(ComparableRules::subset);
        comparable.sink(blackhole::consume);
        esper = new EsperEvaluator("benchmark-" + System.identityHashCode(this));
        esper.sink(blackhole::consume);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        esper.close();
    }

    private int index() {
        int i = next;
        // The corpus repeats: heights and times start over, which the rules take like any other value.
        next = i + 1 == events.size() ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public void chainMonitorDefaultPacks() {
        defaultPacks.accept(events.get(index()));
    }

    @Benchmark
    public void chainMonitorComparableRules() {
        comparable.accept(events.get(index()));
    }

    @Benchmark
    public void esperComparableRules() {
        esper.accept(esperEvents[index()]);
    }

    Blackhole blackhole() {
        return blackhole;
    }
}
