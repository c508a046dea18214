package io.chainmonitor.benchmarks.backfill;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultWriterTest {

    @TempDir
    Path directory;

    private static BackfillResult result(List<Double> ours, List<Double> theirs) {
        return result(ours, theirs, List.of(900.0));
    }

    private static BackfillResult result(List<Double> ours, List<Double> theirs, List<Double> raw) {
        return new BackfillResult(Instant.parse("2026-11-22T08:30:00Z"), 2, "25.0.1", "anvil Version: 1.7.1",
                "6.17.0", 2_000, 6_000, 6_000, 50, 2, 5, Statistics.of(ours), Statistics.of(theirs), Statistics.of(raw),
                BackfillResult.TARGET_BLOCKS_PER_SECOND, BackfillResult.TARGET_RATIO);
    }

    @Test
    void aRunAboveBothTargetsIsWrittenAsJsonAndMarkdownThatSayItPassed() throws Exception {
        new ResultWriter().write(result(List.of(600.0, 640.0, 620.0), List.of(250.0, 260.0, 240.0)), directory);

        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(directory.resolve("backfill.json")));
        assertThat(json.get("blocks").asLong()).isEqualTo(2_000);
        assertThat(json.get("transactions").asLong()).isEqualTo(6_000);
        assertThat(json.get("chainMonitor").get("median").asDouble()).isEqualTo(620.0);
        assertThat(json.get("ethers").get("samples")).hasSize(3);
        assertThat(json.get("ratio").asDouble()).isEqualTo(2.48);
        assertThat(json.get("passed").asBoolean()).isTrue();

        String markdown = Files.readString(directory.resolve("backfill.md"));
        assertThat(markdown).contains("2026-11-22T08:30:00Z", "2 cores", "anvil Version: 1.7.1",
                "2000 blocks, 6000 transactions", "| 620.0 | 600.0 | 640.0 |", "| 900.0 | 900.0 | 900.0 |",
                "| ≥ 300.0 blocks/s | 620.0 | pass |",
                "2.5× | pass |", "Verdict: **PASS**");
    }

    @Test
    void aRunBelowTheRatioFailsThoughItsThroughputMeetsTheTarget() {
        BackfillResult result = result(List.of(400.0), List.of(300.0));

        assertThat(result.meetsThroughput()).isTrue();
        assertThat(result.meetsRatio()).isFalse();
        assertThat(new ResultWriter().markdown(result)).contains("1.3× | fail |", "Verdict: **FAIL**");
        assertThat(new ResultWriter().json(result)).contains("\"passed\" : false");
    }

    @Test
    void theEthersLineIsFoundAmongOtherOutputAndItsCountsAreRead() {
        EthersRun.Outcome outcome = EthersRun.parse("""
                some warning
                {"ethers":"6.17.0","blocksPerSecond":[210.5,220.0],"blocks":2000,"transactions":6000,"receipts":6000}
                """);

        assertThat(outcome.ethersVersion()).isEqualTo("6.17.0");
        assertThat(outcome.blocksPerSecond()).containsExactly(210.5, 220.0);
        assertThat(outcome.receipts()).isEqualTo(6_000);
    }

    @Test
    void aScriptThatPrintsNoResultIsAFailureNotAZero() {
        assertThatThrownBy(() -> EthersRun.parse("Error: connect ECONNREFUSED\n"))
                .isInstanceOf(BenchmarkException.class).hasMessageContaining("printed no result");
    }

    @Test
    void argumentsThatAreNotPairsAreRejected() {
        assertThatThrownBy(() -> BackfillBenchmark.options(new String[]{"--blocks"}))
                .isInstanceOf(BenchmarkException.class).hasMessageContaining("--name value pairs");
    }
}
