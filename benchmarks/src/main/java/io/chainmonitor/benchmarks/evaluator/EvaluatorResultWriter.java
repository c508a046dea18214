package io.chainmonitor.benchmarks.evaluator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes a run as {@code evaluator.json} (every figure) and {@code evaluator.md} (the table people read). */
public final class EvaluatorResultWriter {

    private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Writes both files into {@code directory}, creating it, replacing the previous run. */
    public void write(EvaluatorResult result, Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("evaluator.json"), json(result) + "\n");
            Files.writeString(directory.resolve("evaluator.md"), markdown(result));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results to " + directory, e);
        }
    }

    String json(EvaluatorResult result) {
        ObjectNode node = (ObjectNode) mapper.valueToTree(result);
        ((ObjectNode) node.get("corpus")).remove("results");
        node.put("ratio", round(result.ratio()));
        node.put("meetsThroughput", result.meetsThroughput());
        node.put("meetsLatency", result.meetsLatency());
        node.put("meetsRatio", result.meetsRatio());
        return mapper.writeValueAsString((JsonNode) node);
    }

    String markdown(EvaluatorResult result) {
        StringBuilder rows = new StringBuilder();
        for (String benchmark : List.of("chainMonitorDefaultPacks", "chainMonitorComparableRules",
                "esperComparableRules")) {
            EvaluatorResult.Figure sampled = result.figure(benchmark, "sample");
            rows.append("| `").append(benchmark).append("` | ").append(count(result.throughput(benchmark)))
                    .append(" | ").append(sampled == null ? "–" : micros(sampled.score()))
                    .append(" | ").append(sampled == null ? "–" : micros(sampled.p50()))
                    .append(" | ").append(sampled == null ? "–" : micros(sampled.p99()))
                    .append(" | ").append(sampled == null ? "–" : micros(sampled.p999())).append(" |\n");
        }
        return """
                # Rule evaluator benchmark

                Chain Monitor's rule evaluator (`ProjectEvaluator`, as health-service runs it per record) against Esper \
                with equivalent EPL statements, on the same seeded corpus of pre-parsed metric batches, in the same \
                JMH run, one thread (see `benchmarks/README.md`).

                | | |
                |---|---|
                | date | %s |
                | machine | %d cores, Java %s, load average %s before and %s after the run |
                | corpus | %d projects × %d replicas × %d heights = %d metric batches (seed %d), pow and pos default packs |
                | method | JMH, 1 fork, %d × 2 s warm-up and %d × 3 s measured iterations per benchmark and mode (modest) |
                | findings check | %d firings and resolutions, identical in Chain Monitor and Esper (the default packs make %d in all) |

                | benchmark | events/s | mean µs/event | p50 µs | p99 µs | p99.9 µs |
                |---|---:|---:|---:|---:|---:|
                %s
                | target | figure | verdict |
                |---|---|---|
                | ≥ 1.5 M events/s, default packs | %s | %s |
                | p99 ≤ 20 µs per event, default packs | %s µs | %s |
                | ≥ 1× Esper, same rules | %s× | %s |

                Compared with Esper (per-replica thresholds on the last value, with `for` and `resolve`): %s.

                Not compared (no equivalent EPL statement here: windowed thresholds, percentage changes, events, \
                composites): %s.
                """
                .formatted(result.date(), result.cores(), result.java(),
                        micros(result.loadBefore()), micros(result.loadAfter()), result.corpus().projects(),
                        result.corpus().replicas(), result.corpus().heights(), result.events(), result.corpus().seed(),
                        result.warmups(), result.iterations(), result.comparedFindings(), result.defaultPackFindings(),
                        rows, count(result.throughput("chainMonitorDefaultPacks")), verdict(result.meetsThroughput()),
                        micros(result.p99("chainMonitorDefaultPacks")), verdict(result.meetsLatency()),
                        round(result.ratio()), verdict(result.meetsRatio()), ids(result.comparedRules()),
                        ids(result.otherRules()));
    }

    private static String ids(Map<String, List<String>> byPack) {
        StringBuilder text = new StringBuilder();
        byPack.forEach((pack, ids) -> text.append(text.isEmpty() ? "" : "; ").append(pack).append(": ")
                .append(ids.isEmpty() ? "none" : String.join(", ", ids)));
        return text.toString();
    }

    static String verdict(boolean met) {
        return met ? "PASS" : "FAIL";
    }

    static String count(double perSecond) {
        return Double.isNaN(perSecond) ? "–" : String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    static String micros(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 100) / 100.0;
    }
}
