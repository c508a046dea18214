package io.chainmonitor.benchmarks.backfill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes a run as {@code backfill.json} (every figure) and {@code backfill.md} (the table people read). */
public final class ResultWriter {

    private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Writes both files into {@code directory}, creating it, replacing the previous run. */
    public void write(BackfillResult result, Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("backfill.json"), json(result) + "\n");
            Files.writeString(directory.resolve("backfill.md"), markdown(result));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results to " + directory, e);
        }
    }

    String json(BackfillResult result) {
        ObjectNode node = (ObjectNode) mapper.valueToTree(result);
        // The derived figures are written too, so the file alone says whether the run met its targets.
        node.put("ratio", round(result.ratio()));
        node.put("meetsThroughput", result.meetsThroughput());
        node.put("meetsRatio", result.meetsRatio());
        node.put("passed", result.passed());
        return mapper.writeValueAsString((JsonNode) node);
    }

    String markdown(BackfillResult result) {
        Statistics ours = result.chainMonitor();
        Statistics theirs = result.ethers();
        return """
                # Chain watcher backfill benchmark

                `EvmChainClient.blocks(from, to)` with receipts against a batched ethers v6 script, on the same anvil \
                in the same run (see `benchmarks/README.md`).

                | | |
                |---|---|
                | date | %s |
                | machine | %d cores, Java %s |
                | node | %s |
                | chain | %d blocks, %d transactions (%d receipts read per pass by each reader) |
                | method | windows of %d heights, %d warm-up and %d measured passes per reader |

                | reader | median blocks/s | min | max |
                |---|---:|---:|---:|
                | Chain Monitor `EvmChainClient` | %s | %s | %s |
                | ethers %s (`JsonRpcProvider` batching) | %s | %s | %s |
                | raw JSON-RPC, same batches, only counted (the node's floor) | %s | %s | %s |

                | target | figure | result |
                |---|---:|---|
                | ≥ %s blocks/s | %s | %s |
                | ≥ %s× the ethers script | %s× | %s |

                Verdict: **%s**
                """.formatted(result.date(), result.cores(), result.javaVersion(), result.anvilVersion(),
                result.blocks(), result.transactions(), result.receipts(), result.window(), result.warmups(),
                result.passes(), format(ours.median()), format(ours.min()), format(ours.max()), result.ethersVersion(),
                format(theirs.median()), format(theirs.min()), format(theirs.max()),
                format(result.rawJsonRpc().median()), format(result.rawJsonRpc().min()),
                format(result.rawJsonRpc().max()),
                format(result.targetBlocksPerSecond()), format(ours.median()), verdict(result.meetsThroughput()),
                format(result.targetRatio()), format(result.ratio()), verdict(result.meetsRatio()),
                result.passed() ? "PASS" : "FAIL");
    }

    private static String verdict(boolean met) {
        return met ? "pass" : "fail";
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
