package io.chainmonitor.benchmarks.backfill;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import io.chainmonitor.adapters.rpc.RpcCall;

/**
 * Fills anvil with blocks of a few value transfers each: per block one JSON-RPC batch of {@code eth_sendTransaction}
 * from distinct unlocked dev accounts (explicit nonces and gas, so anvil neither estimates nor guesses), then
 * {@code evm_mine}.
 */
final class ChainFiller {

    /** The filled range and the hashes of every transaction sent into it. */
    record Filled(long fromHeight, long toHeight, Set<String> transactionHashes) {

        long blocks() {
            return toHeight - fromHeight + 1;
        }
    }

    private final AnvilNode anvil;

    ChainFiller(AnvilNode anvil) {
        this.anvil = anvil;
    }

    Filled fill(int blocks, int transactionsPerBlock) {
        List<String> accounts = anvil.accounts();
        // Senders and receivers are distinct accounts: a block's transfers never depend on each other.
        if (transactionsPerBlock < 1 || transactionsPerBlock * 2 > accounts.size()) {
            throw new BenchmarkException(BenchmarkException.Reason.USAGE, "transactions per block must be 1.."
                    + accounts.size() / 2 + " (anvil has " + accounts.size() + " dev accounts)");
        }
        long start = anvil.blockNumber();
        long[] nonces = new long[transactionsPerBlock];
        Set<String> hashes = new HashSet<>();
        for (int block = 0; block < blocks; block++) {
            List<RpcCall> sends = new ArrayList<>(transactionsPerBlock);
            for (int sender = 0; sender < transactionsPerBlock; sender++) {
                sends.add(RpcCall.of("eth_sendTransaction",
                        Map.of("from", accounts.get(sender), "to", accounts.get(transactionsPerBlock + sender),
                                "value", hex(1_000 + block), "gas", hex(21_000), "nonce", hex(nonces[sender]++))));
            }
            for (JsonNode hash : anvil.rpc().batchResults(sends)) {
                hashes.add(hash.asString());
            }
            anvil.rpc().call("evm_mine");
        }
        long end = anvil.blockNumber();
        if (end != start + blocks || hashes.size() != (long) blocks * transactionsPerBlock) {
            throw new BenchmarkException(BenchmarkException.Reason.NODE, "anvil mined up to " + end + " (expected "
                    + (start + blocks) + ") and took " + hashes.size() + " distinct transactions");
        }
        return new Filled(start + 1, end, Set.copyOf(hashes));
    }

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
