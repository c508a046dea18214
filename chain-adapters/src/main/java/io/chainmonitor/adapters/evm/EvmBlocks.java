package io.chainmonitor.adapters.evm;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import org.web3j.protocol.ObjectMapperFactory;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import io.chainmonitor.adapters.Block;
import io.chainmonitor.adapters.ChainClientException;
import io.chainmonitor.adapters.Transaction;
import io.chainmonitor.adapters.rpc.Answers;
import io.chainmonitor.adapters.rpc.JsonRpcClient;
import io.chainmonitor.adapters.rpc.RpcCall;
import io.chainmonitor.adapters.rpc.RpcReply;

/**
 * Reads EVM blocks with full transactions and their receipts: {@code eth_getBlockReceipts} by block hash while the
 * node has it, otherwise {@code eth_getTransactionReceipt} for each transaction, always batched.
 */
final class EvmBlocks {

    private final JsonRpcClient rpc;
    private final ObjectMapper web3j = ObjectMapperFactory.getObjectMapper();
    private volatile boolean blockReceipts = true;

    EvmBlocks(JsonRpcClient rpc) {
        this.rpc = rpc;
    }

    List<Block> range(long fromHeight, long toHeight) {
        // The receipts are asked for by height at the same time as the blocks, so one window costs the longer of the two
        // reads rather than their sum; they are checked against the blocks' hashes before they are used.
        Future<List<RpcReply>> receiptsByHeight = blockReceipts
                ? rpc.batchInBackground(RpcCall.perHeight(fromHeight, toHeight,
                        height -> RpcCall.of("eth_getBlockReceipts", quantity(height))))
                : null;
        try {
            List<RpcCall> calls = RpcCall.perHeight(fromHeight, toHeight,
                    height -> RpcCall.of("eth_getBlockByNumber", quantity(height), true));
            List<JsonNode> answers = rpc.batchResults(calls);
            List<EthBlock.Block> blocks = new ArrayList<>(answers.size());
            for (int i = 0; i < answers.size(); i++) {
                if (answers.get(i).isNull()) {
                    throw new ChainClientException.Rejected("eth_getBlockByNumber", null,
                            "block " + (fromHeight + i) + " is above the node's head", null);
                }
                EthBlock.Block block = block("eth_getBlockByNumber", answers.get(i));
                long asked = fromHeight + i;
                if (Answers.decode("eth_getBlockByNumber", () -> block.getNumber().longValueExact()) != asked) {
                    throw new ChainClientException.Malformed("eth_getBlockByNumber",
                            "asked for block " + asked + ", the node answered block " + block.getNumberRaw(), null);
                }
                blocks.add(block);
            }
            Map<String, TransactionReceipt> receipts = receiptsByHeight == null
                    ? receipts(blocks)
                    : receiptsByHeight(blocks, rpc.await(receiptsByHeight, "eth_getBlockReceipts"));
            return assemble(blocks, receipts);
        } finally {
            if (receiptsByHeight != null) {
                receiptsByHeight.cancel(true);
            }
        }
    }

    /** The block with that hash, {@code null} when the node does not have it. */
    Block byHash(String hash) {
        JsonNode answer = rpc.call("eth_getBlockByHash", hash, true);
        if (answer.isNull()) {
            return null;
        }
        List<EthBlock.Block> blocks = List.of(block("eth_getBlockByHash", answer));
        return assemble(blocks, receipts(blocks)).getFirst();
    }

    /** The head block's header (no transactions). */
    EthBlock.Block header(JsonNode answer) {
        return block("eth_getBlockByNumber", answer);
    }

    private EthBlock.Block block(String method, JsonNode answer) {
        return Answers.decode(method, () -> {
            EthBlock.Block block = web3j.treeToValue(answer, EthBlock.Block.class);
            Answers.require(block.getHash(), "hash");
            Answers.require(block.getNumberRaw(), "number");
            Answers.require(block.getTimestampRaw(), "timestamp");
            Answers.require(block.getParentHash(), "parentHash");
            return block;
        });
    }

    private static List<Block> assemble(List<EthBlock.Block> blocks, Map<String, TransactionReceipt> receipts) {
        List<Block> result = new ArrayList<>(blocks.size());
        for (EthBlock.Block block : blocks) {
            result.add(Answers.decode("eth_getBlockByNumber", () -> toBlock(block, receipts)));
        }
        return result;
    }

    /**
     * The receipts read by height, kept for each block whose receipts all name its hash and match its transactions in
     * number; a block the chain replaced between the two reads has its receipts read again by hash.
     */
    private Map<String, TransactionReceipt> receiptsByHeight(List<EthBlock.Block> blocks, List<RpcReply> replies) {
        if (replies.stream().anyMatch(reply -> reply.failed() && reply.error().methodNotFound())) {
            blockReceipts = false;
            return receipts(blocks);
        }
        Map<String, TransactionReceipt> byTransaction = new HashMap<>();
        List<EthBlock.Block> reread = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            EthBlock.Block block = blocks.get(i);
            if (block.getTransactions().isEmpty()) {
                continue;
            }
            JsonNode answer = replies.get(i).orThrow();
            if (!receiptsOf(block, answer)) {
                reread.add(block);
                continue;
            }
            for (JsonNode receipt : answer) {
                keep(byTransaction, block.getHash(), receipt, "eth_getBlockReceipts");
            }
        }
        byTransaction.putAll(receipts(reread));
        return byTransaction;
    }

    private static boolean receiptsOf(EthBlock.Block block, JsonNode answer) {
        if (!answer.isArray() || answer.size() != block.getTransactions().size()) {
            return false;
        }
        for (JsonNode receipt : answer) {
            JsonNode blockHash = receipt.get("blockHash");
            if (blockHash == null || !blockHash.isString() || !blockHash.asString().equalsIgnoreCase(block.getHash())) {
                return false;
            }
        }
        return true;
    }

    private static String quantity(long height) {
        return Numeric.encodeQuantity(BigInteger.valueOf(height));
    }

    private Map<String, TransactionReceipt> receipts(List<EthBlock.Block> blocks) {
        List<EthBlock.Block> withTransactions = blocks.stream().filter(b -> !b.getTransactions().isEmpty()).toList();
        Map<String, TransactionReceipt> byTransaction = new HashMap<>();
        if (withTransactions.isEmpty()) {
            return byTransaction;
        }
        if (blockReceipts) {
            List<RpcReply> replies = rpc.batch(withTransactions.stream()
                    .map(block -> RpcCall.of("eth_getBlockReceipts", block.getHash())).toList());
            if (replies.stream().anyMatch(reply -> reply.failed() && reply.error().methodNotFound())) {
                blockReceipts = false;
            } else {
                for (int i = 0; i < replies.size(); i++) {
                    JsonNode answer = replies.get(i).orThrow();
                    if (!answer.isNull()) {
                        for (JsonNode receipt : answer) {
                            keep(byTransaction, withTransactions.get(i).getHash(), receipt, "eth_getBlockReceipts");
                        }
                    }
                }
                return byTransaction;
            }
        }
        List<RpcCall> calls = new ArrayList<>();
        List<String> blockHashes = new ArrayList<>();
        for (EthBlock.Block block : withTransactions) {
            for (EthBlock.TransactionResult<?> tx : block.getTransactions()) {
                calls.add(RpcCall.of("eth_getTransactionReceipt", transaction(tx).getHash()));
                blockHashes.add(block.getHash());
            }
        }
        List<JsonNode> answers = rpc.batchResults(calls);
        for (int i = 0; i < answers.size(); i++) {
            if (!answers.get(i).isNull()) {
                keep(byTransaction, blockHashes.get(i), answers.get(i), "eth_getTransactionReceipt");
            }
        }
        return byTransaction;
    }

    private void keep(Map<String, TransactionReceipt> byTransaction, String blockHash, JsonNode answer,
            String method) {
        TransactionReceipt receipt = Answers.decode(method, () -> {
            TransactionReceipt decoded = web3j.treeToValue(answer, TransactionReceipt.class);
            Answers.require(decoded.getTransactionHash(), "transactionHash");
            Answers.require(decoded.getGasUsedRaw(), "gasUsed");
            return decoded;
        });
        // A receipt of another block means the chain moved between the two reads: the caller should read again.
        if (receipt.getBlockHash() != null && !receipt.getBlockHash().equalsIgnoreCase(blockHash)) {
            throw new ChainClientException.Unavailable(method,
                    "the chain changed while reading block " + blockHash + "; read it again", null);
        }
        byTransaction.put(receipt.getTransactionHash().toLowerCase(), receipt);
    }

    private static Block toBlock(EthBlock.Block block, Map<String, TransactionReceipt> receipts) {
        List<Transaction> transactions = new ArrayList<>(block.getTransactions().size());
        for (EthBlock.TransactionResult<?> result : block.getTransactions()) {
            org.web3j.protocol.core.methods.response.Transaction tx = transaction(result);
            transactions.add(toTransaction(tx, receipts.get(Answers.require(tx.getHash(), "hash").toLowerCase())));
        }
        return new Block(block.getNumber().longValueExact(), block.getHash(), block.getParentHash(),
                Instant.ofEpochSecond(block.getTimestamp().longValueExact()),
                block.getSizeRaw() == null ? 0 : block.getSize().longValueExact(), block.getMiner(),
                block.getDifficultyRaw() == null ? BigInteger.ZERO : block.getDifficulty(),
                block.getGasUsedRaw() == null ? null : block.getGasUsed().longValueExact(),
                block.getGasLimitRaw() == null ? null : block.getGasLimit().longValueExact(),
                block.getBaseFeePerGasRaw() == null ? null : block.getBaseFeePerGas(),
                block.getUncles() == null ? List.of() : block.getUncles(), transactions);
    }

    private static Transaction toTransaction(org.web3j.protocol.core.methods.response.Transaction tx,
            TransactionReceipt receipt) {
        String input = tx.getInput();
        boolean hasCallData = input != null && !Numeric.cleanHexPrefix(input).isEmpty();
        return new Transaction(tx.getHash(), List.of(Answers.require(tx.getFrom(), "from")),
                tx.getTo() == null ? List.of() : List.of(tx.getTo()), Answers.require(tx.getValue(), "value"),
                receipt == null ? null : fee(tx, receipt), false,
                receipt == null ? null : receipt.getContractAddress(), hasCallData && tx.getTo() != null,
                receipt == null || receipt.getStatus() == null ? null : receipt.isStatusOK(),
                EvmTransactionSize.of(tx));
    }

    /** Gas used at the price actually paid, plus the blob gas of a blob transaction. */
    private static BigInteger fee(org.web3j.protocol.core.methods.response.Transaction tx,
            TransactionReceipt receipt) {
        BigInteger price = receipt.getEffectiveGasPrice() != null
                ? Numeric.decodeQuantity(receipt.getEffectiveGasPrice())
                : Answers.require(tx.getGasPrice(), "gasPrice");
        BigInteger fee = receipt.getGasUsed().multiply(price);
        if (receipt.getBlobGasUsed() != null && receipt.getBlobGasPrice() != null) {
            fee = fee.add(Numeric.decodeQuantity(receipt.getBlobGasUsed())
                    .multiply(Numeric.decodeQuantity(receipt.getBlobGasPrice())));
        }
        return fee;
    }

    private static org.web3j.protocol.core.methods.response.Transaction transaction(
            EthBlock.TransactionResult<?> result) {
        if (result instanceof EthBlock.TransactionObject object) {
            return object;
        }
        throw new ChainClientException.Malformed("eth_getBlockByNumber",
                "the node returned transaction hashes where full transactions were asked for", null);
    }
}
