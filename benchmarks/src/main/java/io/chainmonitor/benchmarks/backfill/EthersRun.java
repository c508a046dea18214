package io.chainmonitor.benchmarks.backfill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs {@code ethers/backfill.mjs} with Node.js against the same node and reads the JSON line it prints. */
final class EthersRun {

    /** What the script measured: blocks/s per pass and what its last pass read. */
    record Outcome(String ethersVersion, List<Double> blocksPerSecond, long blocks, long transactions,
            long receipts) {
    }

    private final Path scriptDirectory;

    EthersRun(Path scriptDirectory) {
        this.scriptDirectory = scriptDirectory;
    }

    Outcome run(AnvilNode anvil, long fromHeight, long toHeight, int window, int warmups, int passes) {
        if (!Files.isDirectory(scriptDirectory.resolve("node_modules").resolve("ethers"))) {
            throw new BenchmarkException(BenchmarkException.Reason.ANCHOR,
                    "ethers is not installed: run `npm ci` in " + scriptDirectory);
        }
        try {
            Process process = new ProcessBuilder("node", "backfill.mjs", anvil.rpcUrl().toString(),
                    String.valueOf(fromHeight), String.valueOf(toHeight), String.valueOf(window),
                    String.valueOf(warmups), String.valueOf(passes)).directory(scriptDirectory.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new BenchmarkException(BenchmarkException.Reason.ANCHOR, "the ethers script exited " + exit);
            }
            return parse(output);
        } catch (IOException e) {
            throw new BenchmarkException(BenchmarkException.Reason.ANCHOR, "cannot run node", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException(BenchmarkException.Reason.ANCHOR, "interrupted", e);
        }
    }

    static Outcome parse(String output) {
        String line = output.lines().filter(l -> l.startsWith("{")).reduce((first, last) -> last)
                .orElseThrow(() -> new BenchmarkException(BenchmarkException.Reason.ANCHOR,
                        "the ethers script printed no result: " + output));
        JsonNode json = JsonMapper.builder().build().readTree(line);
        List<Double> rates = json.required("blocksPerSecond").valueStream().map(JsonNode::asDouble).toList();
        return new Outcome(json.required("ethers").asString(), rates, json.required("blocks").asLong(),
                json.required("transactions").asLong(), json.required("receipts").asLong());
    }
}
