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
import java.util.function.Consumer;
import java.util.function.Supplier;

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
     * {@code blocks}, {@code transactions-per-block}, {@code warmups}, {@code passes}, {@code window} (heights per {@code blocks} call; default the client's batch size).
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
        // 0 (the default) reads in windows of the client's batch size, as the chain watcher does.
        int window = "0".equals(options.getOrDefault("window", "0"))
                ? settings.batchSize()
                : number(options, "window", settings.batchSize());

        try (AnvilNode anvil = AnvilNode.start(anvilBinary)) {
            long fillStart = System.nanoTime();
            ChainFiller.Filled chain = new ChainFiller(anvil).fill(blocks, perBlock);
            System.out.printf("filled %d blocks with %d transactions in %d ms (%s)%n", chain.blocks(),
                    chain.transactionHashes().size(), Duration.ofNanos(System.nanoTime() - fillStart).toMillis(),
                    anvil.version());

            long sent = chain.transactionHashes().size();
            Statistics ours;
            try (ChainClient client = new ChainClients().open(ChainCatalog.builtIn().require("anvil"),
                    new NodeEndpoint(anvil.rpcUrl(), null, new NodeEndpoint.Credentials.None()), settings)) {
                ours = measure(warmups, passes, chain.blocks(), () -> read(client, chain, window),
                        read -> verify(read, chain));
            }
            System.out.printf("chain monitor: median %.1f blocks/s%n", ours.median());

            Statistics floor;
            try (RawReader raw = new RawReader(anvil, settings)) {
                floor = measure(warmups, passes, chain.blocks(),
                        () -> raw.pass(chain.fromHeight(), chain.toHeight(), window),
                        counts -> expect("raw JSON-RPC", counts.blocks(), counts.transactions(), counts.receipts(),
                                chain.blocks(), sent));
            }
            System.out.printf("raw JSON-RPC: median %.1f blocks/s%n", floor.median());

            EthersRun.Outcome theirs = new EthersRun(ethers).run(anvil, chain.fromHeight(), chain.toHeight(), window,
                    warmups, passes);
            expect("the ethers script", theirs.blocks(), theirs.transactions(), theirs.receipts(), chain.blocks(),
                    sent);
            Statistics anchor = Statistics.of(theirs.blocksPerSecond());
            System.out.printf("ethers %s: median %.1f blocks/s%n", theirs.ethersVersion(), anchor.median());

            BackfillResult result = new BackfillResult(Instant.now(), Runtime.getRuntime().availableProcessors(),
                    Runtime.version().toString(), anvil.version(), theirs.ethersVersion(), chain.blocks(), sent, sent,
                    window, warmups, passes, ours, anchor, floor, BackfillResult.TARGET_BLOCKS_PER_SECOND,
                    BackfillResult.TARGET_RATIO);
            new ResultWriter().write(result, results);
            System.out.printf("ratio %.2f; %s; written to %s%n", result.ratio(), result.passed() ? "PASS" : "FAIL",
                    results);
        } catch (BenchmarkException e) {
            System.err.println("backfill benchmark failed (" + e.reason() + "): " + e.getMessage());
            System.exit(1);
        }
    }

    /** Warm-up passes, then measured passes; every pass must read exactly what was sent (checked outside the clock). */
    private static <T> Statistics measure(int warmups, int passes, long blocks, Supplier<T> pass, Consumer<T> verify) {
        for (int i = 0; i < warmups; i++) {
            verify.accept(pass.get());
        }
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < passes; i++) {
            long started = System.nanoTime();
            T read = pass.get();
            double seconds = (System.nanoTime() - started) / 1e9;
            verify.accept(read);
            rates.add(blocks / seconds);
        }
        return Statistics.of(rates);
    }

    private static void expect(String reader, long blocks, long transactions, long receipts, long expectedBlocks,
            long sent) {
        if (blocks != expectedBlocks || transactions != sent || receipts != sent) {
            throw new BenchmarkException(BenchmarkException.Reason.COUNTS,
                    "%s read %d blocks, %d transactions, %d receipts; expected %d, %d, %d".formatted(reader, blocks,
                            transactions, receipts, expectedBlocks, sent, sent));
        }
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
