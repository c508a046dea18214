package io.chainmonitor.adapters.bitcoin;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import io.chainmonitor.adapters.Block;
import io.chainmonitor.adapters.ChainClientException;
import io.chainmonitor.adapters.Transaction;
import io.chainmonitor.adapters.rpc.Answers;
import io.chainmonitor.adapters.rpc.JsonRpcClient;
import io.chainmonitor.adapters.rpc.RpcCall;
import io.chainmonitor.adapters.rpc.RpcReply;

/**
 * Reads Bitcoin-family blocks with full transactions: {@code getblock <hash> 3} (spent outputs included) where the
 * node has it, else verbosity 2. When the node reports neither fees nor spent outputs (litecoind 0.21), the spent
 * outputs are looked up with {@code getrawtransaction}, which works on nodes run with {@code -txindex}; without it,
 * fees stay {@code null} and senders empty.
 */
final class BitcoinBlocks {

    private static final int NOT_FOUND = -5;
    /** Misc error, type error, invalid parameter: how nodes refuse a verbosity they do not know. */
    private static final Set<Integer> VERBOSITY_REFUSALS = Set.of(-1, -3, -8);

    private final JsonRpcClient rpc;
    private volatile int verbosity = 3;
    private volatile boolean transactionIndex = true;

    BitcoinBlocks(JsonRpcClient rpc) {
        this.rpc = rpc;
    }

    List<Block> range(long fromHeight, long toHeight) {
        List<RpcCall> calls = RpcCall.perHeight(fromHeight, toHeight, height -> RpcCall.of("getblockhash", height));
        // A height above the tip is answered with error -8 "Block height out of range": REJECTED, as promised.
        List<String> hashes = rpc.batchResults(calls).stream()
                .map(hash -> Answers.decode("getblockhash", hash::stringValue)).toList();
        List<JsonNode> answers = new ArrayList<>();
        for (RpcReply reply : getBlocks(hashes)) {
            answers.add(reply.orThrow());
        }
        List<Block> blocks = assemble(answers);
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).height() != fromHeight + i) {
                throw new ChainClientException.Malformed("getblock", "asked for block " + (fromHeight + i)
                        + " (" + hashes.get(i) + "), the node answered block " + blocks.get(i).height(), null);
            }
        }
        return blocks;
    }

    /** The block with that hash, {@code null} when the node does not know it. */
    Block byHash(String hash) {
        RpcReply reply = getBlocks(List.of(hash)).getFirst();
        if (reply.failed() && Integer.valueOf(NOT_FOUND).equals(reply.error().code())) {
            return null;
        }
        return assemble(List.of(reply.orThrow())).getFirst();
    }

    private List<RpcReply> getBlocks(List<String> hashes) {
        int asked = verbosity;
        List<RpcReply> replies = rpc.batch(hashes.stream().map(hash -> RpcCall.of("getblock", hash, asked)).toList());
        boolean refused = replies.stream()
                .anyMatch(reply -> reply.failed() && VERBOSITY_REFUSALS.contains(reply.error().code()));
        if (asked == 3 && refused) {
            // Nodes before Bitcoin Core 23 that check the argument refuse verbosity 3.
            verbosity = 2;
            return getBlocks(hashes);
        }
        return replies;
    }

    private List<Block> assemble(List<JsonNode> answers) {
        Map<String, JsonNode> spent = spentTransactions(answers);
        return answers.stream().map(answer -> Answers.decode("getblock", () -> toBlock(answer, spent))).toList();
    }

    /** The transactions whose outputs the blocks spend, when the node reports neither fees nor spent outputs. */
    private Map<String, JsonNode> spentTransactions(List<JsonNode> answers) {
        Set<String> txids = new LinkedHashSet<>();
        for (JsonNode block : answers) {
            for (JsonNode tx : block.path("tx")) {
                if (tx.has("fee")) {
                    continue;
                }
                for (JsonNode input : tx.path("vin")) {
                    if (!input.has("coinbase") && !input.has("prevout") && input.has("txid")) {
                        txids.add(input.get("txid").asString());
                    }
                }
            }
        }
        Map<String, JsonNode> byTxid = new HashMap<>();
        if (txids.isEmpty() || !transactionIndex) {
            return byTxid;
        }
        List<RpcReply> replies = rpc.batch(txids.stream().map(txid -> RpcCall.of("getrawtransaction", txid, true))
                .toList());
        for (RpcReply reply : replies) {
            if (reply.failed() && Integer.valueOf(NOT_FOUND).equals(reply.error().code())) {
                // No -txindex: spent outputs cannot be looked up; say so by leaving fees unknown.
                transactionIndex = false;
                return Map.of();
            }
            byTxid.put((String) reply.call().params().getFirst(), reply.orThrow());
        }
        return byTxid;
    }

    private static Block toBlock(JsonNode block, Map<String, JsonNode> spent) {
        List<Transaction> transactions = new ArrayList<>();
        String producer = null;
        for (JsonNode tx : Answers.field(block, "tx")) {
            Transaction transaction = toTransaction(tx, spent);
            if (transaction.coinbase() && producer == null && !transaction.to().isEmpty()) {
                producer = transaction.to().getFirst();
            }
            transactions.add(transaction);
        }
        JsonNode parent = block.get("previousblockhash");
        return new Block(Answers.integer(block, "height"), Answers.text(block, "hash"),
                parent == null || parent.isNull() ? null : parent.stringValue(),
                Instant.ofEpochSecond(Answers.integer(block, "time")), Answers.integer(block, "size"), producer,
                Answers.decimal(block, "difficulty").toBigInteger(), null, null, null, List.of(), transactions);
    }

    private static Transaction toTransaction(JsonNode tx, Map<String, JsonNode> spent) {
        JsonNode inputs = Answers.field(tx, "vin");
        boolean coinbase = !inputs.isEmpty() && inputs.get(0).has("coinbase");
        Set<String> to = new LinkedHashSet<>();
        BigInteger value = BigInteger.ZERO;
        for (JsonNode output : Answers.field(tx, "vout")) {
            value = value.add(satoshi(Answers.decimal(output, "value")));
            to.addAll(addresses(output));
        }
        Set<String> from = new LinkedHashSet<>();
        BigInteger spentValue = BigInteger.ZERO;
        boolean allInputsKnown = !coinbase;
        for (JsonNode input : inputs) {
            JsonNode prevout = coinbase ? null : prevout(input, spent);
            if (prevout == null) {
                allInputsKnown = false;
                continue;
            }
            spentValue = spentValue.add(satoshi(Answers.decimal(prevout, "value")));
            from.addAll(addresses(prevout));
        }
        BigInteger fee = null;
        if (tx.has("fee")) {
            fee = satoshi(Answers.decimal(tx, "fee"));
        } else if (allInputsKnown) {
            fee = spentValue.subtract(value);
        }
        return new Transaction(Answers.text(tx, "txid"), List.copyOf(from), List.copyOf(to), value, fee, coinbase,
                null, false, null, Answers.integer(tx, "size"));
    }

    /** The output an input spends: from verbosity 3, else from the looked-up transaction, else {@code null}. */
    private static JsonNode prevout(JsonNode input, Map<String, JsonNode> spent) {
        if (input.has("prevout")) {
            return input.get("prevout");
        }
        JsonNode source = spent.get(input.path("txid").asString(""));
        if (source == null) {
            return null;
        }
        long index = Answers.integer(input, "vout");
        for (JsonNode output : Answers.field(source, "vout")) {
            if (Answers.integer(output, "n") == index) {
                return output;
            }
        }
        return null;
    }

    /** {@code scriptPubKey.address} (Bitcoin Core 22+) or {@code scriptPubKey.addresses} (older nodes). */
    private static List<String> addresses(JsonNode output) {
        JsonNode script = output.path("scriptPubKey");
        if (script.hasNonNull("address")) {
            return List.of(script.get("address").stringValue());
        }
        List<String> addresses = new ArrayList<>();
        for (JsonNode address : script.path("addresses")) {
            addresses.add(address.stringValue());
        }
        return addresses;
    }

    /** Coins to satoshi, exactly: a value with more than eight decimals is malformed. */
    static BigInteger satoshi(BigDecimal coins) {
        return coins.movePointRight(8).toBigIntegerExact();
    }
}
