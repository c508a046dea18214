package io.chainmonitor.action.onchain;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.chainmonitor.action.onchain.ContractCallException.Reason;

/** The JSON-RPC calls of one contract call against one node, each failure translated to a {@link Reason}. */
final class ChainCalls {

    private final Web3j web3j;

    ChainCalls(Web3j web3j) {
        this.web3j = web3j;
    }

    /** Simulates the call from {@code from}; a revert is refused with its reason, nothing sent. */
    void simulate(String from, ContractCall call) throws IOException {
        EthCall result = web3j.ethCall(Transaction.createEthCallTransaction(from, call.contract(), call.data()),
                DefaultBlockParameterName.LATEST).send();
        if (result.isReverted() || result.hasError()) {
            String reason = result.getRevertReason() != null ? result.getRevertReason() : error(result);
            throw new ContractCallException(Reason.SIMULATION_REVERTED,
                    "simulation of " + call.describe() + " reverted: " + reason + "; nothing was sent");
        }
    }

    BigInteger estimateGas(String from, ContractCall call) throws IOException {
        var estimate = web3j.ethEstimateGas(
                Transaction.createEthCallTransaction(from, call.contract(), call.data())).send();
        if (estimate.hasError()) {
            throw new ContractCallException(Reason.SIMULATION_REVERTED,
                    "gas estimate of " + call.describe() + " failed: " + error(estimate) + "; nothing was sent");
        }
        return estimate.getAmountUsed();
    }

    BigInteger gasPrice() throws IOException {
        return checked(web3j.ethGasPrice().send(), "eth_gasPrice").getGasPrice();
    }

    long chainId() throws IOException {
        return checked(web3j.ethChainId().send(), "eth_chainId").getChainId().longValueExact();
    }

    BigInteger pendingNonce(String address) throws IOException {
        return checked(web3j.ethGetTransactionCount(address, DefaultBlockParameterName.PENDING).send(),
                "eth_getTransactionCount").getTransactionCount();
    }

    String sendRaw(String signedHex) throws IOException {
        return checked(web3j.ethSendRawTransaction(signedHex).send(), "eth_sendRawTransaction")
                .getTransactionHash();
    }

    /** Waits for the receipt, polling on a delayed executor (no sleeping thread), at most {@code timeout}. */
    TransactionReceipt receipt(String hash, Duration timeout, Duration interval) throws InterruptedException {
        CompletableFuture<TransactionReceipt> receipt = poll(hash, interval);
        try {
            return receipt.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            receipt.cancel(true);
            throw new ContractCallException(Reason.RECEIPT_TIMEOUT,
                    "transaction " + hash + " was sent but had no receipt within " + timeout);
        } catch (ExecutionException e) {
            throw new ContractCallException(Reason.NODE_ERROR,
                    "receipt of " + hash + " could not be read: " + e.getCause().getMessage(), e.getCause());
        } finally {
            receipt.cancel(true);
        }
    }

    private CompletableFuture<TransactionReceipt> poll(String hash, Duration interval) {
        return web3j.ethGetTransactionReceipt(hash).sendAsync().thenCompose(answer -> {
            Optional<TransactionReceipt> receipt = answer.getTransactionReceipt();
            if (receipt.isPresent()) {
                return CompletableFuture.completedFuture(receipt.get());
            }
            return CompletableFuture.supplyAsync(() -> hash,
                    CompletableFuture.delayedExecutor(interval.toMillis(), TimeUnit.MILLISECONDS))
                    .thenCompose(again -> poll(hash, interval));
        });
    }

    private static <T extends Response<?>> T checked(T response, String method) {
        if (response.hasError()) {
            throw new ContractCallException(Reason.NODE_ERROR, method + " failed: " + error(response));
        }
        return response;
    }

    private static String error(Response<?> response) {
        return response.getError() == null ? "no answer" : response.getError().getMessage();
    }
}
