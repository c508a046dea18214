package io.chainmonitor.benchmarks.evaluator;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The rule-evaluator benchmark (ARCHITECTURE §8): checks that Chain Monitor's evaluator and the Esper statements find
 * the same firings and resolutions on the whole corpus, then runs {@link EvaluatorBenchmark} with JMH (throughput
 * and sampled latency, modest settings) and writes {@code evaluator.json} and {@code evaluator.md}.
 */
public final class EvaluatorBenchmarkRun {

    private EvaluatorBenchmarkRun() {
    }

    public static void main(String[] args) throws RunnerException {
        RunArguments arguments = RunArguments.parse(args);
        MetricCorpus corpus = MetricCorpus.generate(arguments.projects(), arguments.replicas(), arguments.heights(),
                arguments.seed());
        SortedSet<FindingKey> ours = ChainMonitorEvaluator.findings(corpus, ComparableRules::subset);
        SortedSet<FindingKey> esper = EsperEvaluator.findings(corpus, "equivalence");
        if (!ours.equals(esper)) {
            System.err.println("Chain Monitor and Esper disagree: " + Equivalence.describe(ours, esper));
            System.exit(2);
        }
        int allFindings = ChainMonitorEvaluator.findings(corpus, io.chainmonitor.rules.pack.DefaultPacks::named)
                .size();
        // The machine is shared: the load around the run says how much of a core the figures had.
        double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<EvaluatorResult.Figure> figures = new ArrayList<>();
        for (Mode mode : List.of(Mode.Throughput, Mode.SampleTime)) {
            Options options = new OptionsBuilder().include(EvaluatorBenchmark.class.getName() + "\\.")
                    .mode(mode)
                    .timeUnit(mode == Mode.Throughput ? TimeUnit.SECONDS : TimeUnit.MICROSECONDS)
                    .forks(1).threads(1)
                    .warmupIterations(arguments.warmups()).warmupTime(TimeValue.seconds(2))
                    .measurementIterations(arguments.iterations()).measurementTime(TimeValue.seconds(3))
                    .param("projects", Integer.toString(arguments.projects()))
                    .param("replicas", Integer.toString(arguments.replicas()))
                    .param("heights", Integer.toString(arguments.heights()))
                    .param("seed", Long.toString(arguments.seed()))
                    .jvmArgsAppend("-Xmx1g")
                    .build();
            Collection<RunResult> results = new Runner(options).run();
            for (RunResult result : results) {
                figures.add(EvaluatorResult.Figure.of(result));
            }
        }
        EvaluatorResult result = new EvaluatorResult(Instant.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), arguments, corpus.events().size(), ours.size(), allFindings,
                ComparableRules.split(true), ComparableRules.split(false), arguments.warmups(),
                arguments.iterations(), loadBefore,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), figures);
        new EvaluatorResultWriter().write(result, arguments.results());
        System.out.println(new EvaluatorResultWriter().markdown(result));
    }

    /** The command line: {@code --results DIR [--projects N] [--replicas N] [--heights N] [--seed N]}. */
    public record RunArguments(Path results, int projects, int replicas, int heights, long seed, int warmups,
            int iterations) {

        static RunArguments parse(String[] args) {
            Path results = null;
            int projects = 50;
            int replicas = 3;
            int heights = 400;
            long seed = 42;
            int warmups = 4;
            int iterations = 3;
            for (int i = 0; i < args.length; i++) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                String value = args[++i];
                try {
                    switch (args[i - 1]) {
                        case "--results" -> results = Path.of(value);
                        case "--projects" -> projects = Integer.parseInt(value);
                        case "--replicas" -> replicas = Integer.parseInt(value);
                        case "--heights" -> heights = Integer.parseInt(value);
                        case "--seed" -> seed = Long.parseLong(value);
                        case "--warmups" -> warmups = Integer.parseInt(value);
                        case "--iterations" -> iterations = Integer.parseInt(value);
                        default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(args[i - 1] + " takes a number, not '" + value + "'", e);
                }
            }
            if (results == null) {
                throw new IllegalArgumentException("--results <directory> is required");
            }
            if (projects < 1 || replicas < 1 || heights <= MetricCorpus.CALM_TAIL || warmups < 0 || iterations < 1) {
                throw new IllegalArgumentException("projects, replicas and iterations start at 1, heights above "
                        + MetricCorpus.CALM_TAIL);
            }
            return new RunArguments(results, projects, replicas, heights, seed, warmups, iterations);
        }
    }
}
