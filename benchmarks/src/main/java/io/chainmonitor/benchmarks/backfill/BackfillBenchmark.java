package io.chainmonitor.benchmarks.backfill;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.chainmonitor.adapters.Block;
import io.chainmonitor.adapters.ChainClient;
import io.chainmonitor.adapters.ChainClients;
import io.chainmonitor.adapters.ClientSettings;
import io.chainmonitor.adapters.NodeEndpoint;
import io.chainmonitor.adapters.Transaction;
import io.chainmonitor.rules.chain.ChainCatalog;

/**
 * The chain-watcher backfill benchmark (ARCHITECTURE §8): blocks/s of {@code EvmChainClient.blocks} with receipts
 * against a batched ethers v6 script, on one anvil filled for the run. See {@code benchmarks/README.md}.
 */
public final class BackfillBenchmark {

    private BackfillBenchmark() {
    }

    /**
     * Arguments as {@code --name value}: {@code anvil} (binary), {@code results} and {@code ethers} (directories),
     * {@code blocks}, {@code transactions-per-block}, {@code warmups}, {@code passes}.
     */
    public static void main(String[] args) {
        Map<String, String> options = options(args);
        String anvilBinary = require(options, "anvil");
        Path results = Path.of(require(options, "results"));
        Path ethers = Path.of(require(options, "ethers"));
        int blocks = number(options, "blocks", 2_000);
        int perBlock = number(options, "transactions-per-block", 3);
        int warmups = number(options, "warmups", 2);
        int passes = number(options, "passes", 5);
        ClientSettings settings = ClientSettings.DEFAULTS;
        int window = settings.batchSize();

        try (AnvilNode anvil = AnvilNode.start(anvilBinary)) {
            long fillStart = System.nanoTime();
            ChainFiller.Filled chain = new ChainFiller(anvil).fill(blocks, perBlock);
            System.out.printf("filled %d blocks with %d transactions in %d ms (%s)%n", chain.blocks(),
                    chain.transactionHashes().size(), Duration.ofNanos(System.nanoTime() - fillStart).toMillis(),
                    anvil.version());

            Statistics ours;
            try (ChainClient client = new ChainClients().open(ChainCatalog.builtIn().require("anvil"),
                    new NodeEndpoint(anvil.rpcUrl(), null, new NodeEndpoint.Credentials.None()), settings)) {
                ours = measure(client, chain, window, warmups, passes);
            }
            System.out.printf("chain monitor: median %.1f blocks/s%n", ours.median());

            EthersRun.Outcome theirs = new EthersRun(ethers).run(anvil, chain.fromHeight(), chain.toHeight(), window,
                    warmups, passes);
            long sent = chain.transactionHashes().size();
            if (theirs.blocks() != chain.blocks() || theirs.transactions() != sent || theirs.receipts() != sent) {
                throw new BenchmarkException(BenchmarkException.Reason.COUNTS,
                        "the ethers script read %d blocks, %d transactions, %d receipts; expected %d, %d, %d"
                                .formatted(theirs.blocks(), theirs.transactions(), theirs.receipts(),
                                        chain.blocks(), sent, sent));
            }
            Statistics anchor = Statistics.of(theirs.blocksPerSecond());
            System.out.printf("ethers %s: median %.1f blocks/s%n", theirs.ethersVersion(), anchor.median());

            BackfillResult result = new BackfillResult(Instant.now(), Runtime.getRuntime().availableProcessors(),
                    Runtime.version().toString(), anvil.version(), theirs.ethersVersion(), chain.blocks(), sent, sent,
                    window, warmups, passes, ours, anchor, BackfillResult.TARGET_BLOCKS_PER_SECOND,
                    BackfillResult.TARGET_RATIO);
            new ResultWriter().write(result, results);
            System.out.printf("ratio %.2f; %s; written to %s%n", result.ratio(), result.passed() ? "PASS" : "FAIL",
                    results);
        } catch (BenchmarkException e) {
            System.err.println("backfill benchmark failed (" + e.reason() + "): " + e.getMessage());
            System.exit(1);
        }
    }

    /** Warm-up passes, then measured passes; every pass must read exactly what was sent. */
    private static Statistics measure(ChainClient client, ChainFiller.Filled chain, int window, int warmups,
            int passes) {
        for (int i = 0; i < warmups; i++) {
            verify(read(client, chain, window), chain);
        }
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < passes; i++) {
            long started = System.nanoTime();
            Read read = read(client, chain, window);
            double seconds = (System.nanoTime() - started) / 1e9;
            verify(read, chain);
            rates.add(read.blocks() / seconds);
        }
        return Statistics.of(rates);
    }

    private record Read(long blocks, Set<String> transactions, long receipts) {
    }

    private static Read read(ChainClient client, ChainFiller.Filled chain, int window) {
        long blocks = 0;
        long receipts = 0;
        Set<String> transactions = new HashSet<>();
        for (long from = chain.fromHeight(); from <= chain.toHeight(); from += window) {
            for (Block block : client.blocks(from, Math.min(from + window - 1, chain.toHeight()))) {
                blocks++;
                for (Transaction transaction : block.transactions()) {
                    transactions.add(transaction.hash());
                    // The receipt is what gives a transaction its status and fee.
                    if (transaction.succeeded() != null && transaction.fee() != null) {
                        receipts++;
                    }
                }
            }
        }
        return new Read(blocks, transactions, receipts);
    }

    private static void verify(Read read, ChainFiller.Filled chain) {
        long sent = chain.transactionHashes().size();
        if (read.blocks() != chain.blocks() || !read.transactions().equals(chain.transactionHashes())
                || read.receipts() != sent) {
            throw new BenchmarkException(BenchmarkException.Reason.COUNTS,
                    "EvmChainClient read %d blocks, %d transactions, %d receipts; expected %d, %d, %d (same hashes)"
                            .formatted(read.blocks(), read.transactions().size(), read.receipts(), chain.blocks(),
                                    sent, sent));
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new BenchmarkException(BenchmarkException.Reason.USAGE,
                        "arguments are --name value pairs, got " + List.of(args));
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new BenchmarkException(BenchmarkException.Reason.USAGE, "--" + name + " is required");
        }
        return value;
    }

    private static int number(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        try {
            int number = value == null ? fallback : Integer.parseInt(value);
            if (number < 1) {
                throw new NumberFormatException("not positive");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new BenchmarkException(BenchmarkException.Reason.USAGE, "--" + name + " must be a positive number");
        }
    }
}
