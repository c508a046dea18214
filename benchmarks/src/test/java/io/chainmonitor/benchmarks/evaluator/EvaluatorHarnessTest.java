package io.chainmonitor.benchmarks.evaluator;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluatorHarnessTest {

    @Test
    void theArgumentsDefaultToTheRecordedCorpusAndRefuseNonsense() {
        var arguments = EvaluatorBenchmarkRun.RunArguments.parse(new String[]{"--results", "out"});
        assertThat(arguments).isEqualTo(new EvaluatorBenchmarkRun.RunArguments(Path.of("out"), 50, 3, 400, 42, 4, 3));
        assertThat(EvaluatorBenchmarkRun.RunArguments.parse(
                new String[]{"--results", "out", "--projects", "5", "--heights", "100", "--seed", "9"}).projects())
                .isEqualTo(5);
        assertThatThrownBy(() -> EvaluatorBenchmarkRun.RunArguments.parse(new String[]{"--projects", "5"}))
                .hasMessageContaining("--results");
        assertThatThrownBy(() -> EvaluatorBenchmarkRun.RunArguments.parse(new String[]{"--results", "o",
                "--projects", "many"})).hasMessageContaining("takes a number");
        assertThatThrownBy(() -> EvaluatorBenchmarkRun.RunArguments.parse(new String[]{"--results", "o",
                "--heights", "10"})).hasMessageContaining("heights above");
        assertThatThrownBy(() -> EvaluatorBenchmarkRun.RunArguments.parse(new String[]{"--results"}))
                .hasMessageContaining("needs a value");
    }

    @Test
    void theResultsSayWhichTargetsWereMetAndWhichRulesWereCompared() {
        EvaluatorResult result = new EvaluatorResult(Instant.parse("2026-11-22T14:00:00Z"), 2, "25",
                new EvaluatorBenchmarkRun.RunArguments(Path.of("out"), 50, 3, 400, 42, 2, 3), 60_000, 120, 900,
                Map.of("pow", List.of("pow.miner-streak")), Map.of("pow", List.of("pow.hashrate-surge")), 2, 3, 9.5,
                10.25,
                List.of(new EvaluatorResult.Figure("chainMonitorDefaultPacks", "thrpt", 2_000_000, 1, Double.NaN,
                        Double.NaN, Double.NaN),
                        new EvaluatorResult.Figure("chainMonitorDefaultPacks", "sample", 0.5, 0.01, 0.4, 25.0, 90),
                        new EvaluatorResult.Figure("chainMonitorComparableRules", "thrpt", 3_000_000, 1,
                                Double.NaN, Double.NaN, Double.NaN),
                        new EvaluatorResult.Figure("esperComparableRules", "thrpt", 1_000_000, 1, Double.NaN,
                                Double.NaN, Double.NaN)));
        assertThat(result.meetsThroughput()).isTrue();
        assertThat(result.meetsLatency()).isFalse();
        assertThat(result.ratio()).isEqualTo(3.0);
        String markdown = new EvaluatorResultWriter().markdown(result);
        assertThat(markdown).contains("| ≥ 1.5 M events/s, default packs | 2,000,000 | PASS |")
                .contains("| p99 ≤ 20 µs per event, default packs | 25.00 µs | FAIL |")
                .contains("| ≥ 1× Esper, same rules | 3.0× | PASS |").contains("pow: pow.miner-streak")
                .contains("pow: pow.hashrate-surge").contains("120 firings and resolutions")
                .contains("load average 9.50 before and 10.25 after");
        assertThat(new EvaluatorResultWriter().json(result)).contains("\"ratio\" : 3.0")
                .contains("\"meetsLatency\" : false").doesNotContain("\"results\"");
    }

    @Test
    void aDisagreementNamesTheFirstFindingOnEachSide() {
        var ours = new TreeSet<>(List.of(new FindingKey("pow.miner-streak", "p", "r-1", true, 4)));
        var theirs = new TreeSet<>(List.of(new FindingKey("pow.miner-streak", "p", "r-1", true, 5)));
        assertThat(Equivalence.describe(ours, theirs)).startsWith("1 only from Chain Monitor")
                .contains("eventIndex=4").contains("1 only from Esper").contains("eventIndex=5");
    }

    @Test
    void everyComparableRuleBecomesOneStatementAndTheOthersAreNamed() {
        String epl = ComparableRules.epl();
        var compared = ComparableRules.split(true);
        long statements = compared.values().stream().mapToLong(List::size).sum();
        assertThat(statements).isPositive();
        assertThat(epl.split("@name\\(").length - 1L).isEqualTo(statements);
        assertThat(ComparableRules.split(false).get("pow")).contains("pow.hashrate-surge");
        assertThat(epl).contains("@name('pow.miner-streak')").contains("partition by project, replica");
    }
}
