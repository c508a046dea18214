package io.chainmonitor.spawner.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Lines under src/test/resources/node-output were captured from litecoind 0.21.2.1 and anvil 1.7.1. */
class LogLevelClassifierTest {

    @ParameterizedTest
    @MethodSource("errorLines")
    void errorLinesOfRealNodesAreErrors(String line) {
        assertThat(LogLevelClassifier.classify(line)).contains("error");
    }

    @ParameterizedTest
    @MethodSource("plainLines")
    void ordinaryLinesOfRealNodesAreNotKept(String line) {
        assertThat(LogLevelClassifier.classify(line)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ERROR[11-22|03:15:00.123] Snapshot extension registration failed peer=1",
            "CRIT [11-22|03:15:00.123] Failed to start node", "2026-11-22T03:15:00.123Z ERROR anvil: fork failed",
            "\u001B[2m2026-11-22T03:15:00Z\u001B[0m \u001B[31mERROR\u001B[0m anvil::eth: failed", "[error] bad block"})
    void gethStyleTracingStyleAndBracketedErrorsAreErrors(String line) {
        assertThat(LogLevelClassifier.classify(line)).contains("error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"WARN [11-22|03:15:00.123] Served eth_call reqid=3 err=\"execution reverted\"",
            "Warning: Config setting for -rpcport only applied on regtest network",
            "2026-11-22T03:15:00.123Z  WARN anvil: slow request", "[warning] disk space is low"})
    void warningsInTheCommonFormatsAreWarnings(String line) {
        assertThat(LogLevelClassifier.classify(line)).contains("warning");
    }

    static List<String> errorLines() throws IOException {
        return lines("litecoind-errors.txt", "anvil-errors.txt");
    }

    static List<String> plainLines() throws IOException {
        return lines("litecoind-plain.txt", "anvil-plain.txt");
    }

    private static List<String> lines(String... files) throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        for (String file : files) {
            try (InputStream input = Optional.ofNullable(
                    LogLevelClassifierTest.class.getResourceAsStream("/node-output/" + file)).orElseThrow()) {
                new String(input.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank())
                        .forEach(lines::add);
            }
        }
        return lines;
    }
}
