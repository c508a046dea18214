package io.chainmonitor.action.onchain;

import java.math.BigInteger;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

import io.chainmonitor.action.ActionProperties;
import io.chainmonitor.action.UserUrls;
import io.chainmonitor.action.execution.StepAction;
import io.chainmonitor.action.execution.StepContext;
import io.chainmonitor.action.execution.StepRunner;
import io.chainmonitor.action.onchain.ContractCallException.Reason;
import io.chainmonitor.action.policy.StepType;

/**
 * The {@code contract-call} step: simulates the call with {@code eth_call} and refuses a revert, estimates gas and
 * refuses above {@code gasLimit} or when gas limit × price could exceed {@code maxSpendWei}, then signs with the
 * keystore signer, sends, and waits (bounded) for the receipt. Calls of one signer are serialized so two executions
 * never take the same nonce. A dry run stops after the checks and says what it would have sent.
 */
@Component
public class ContractCallRunner implements StepRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ContractCallRunner.class);

    private final UserUrls urls;
    private final KeystoreSigners signers;
    private final ActionProperties.Onchain settings;
    private final Map<String, ReentrantLock> signerLocks = new ConcurrentHashMap<>();

    ContractCallRunner(UserUrls urls, KeystoreSigners signers, ActionProperties properties) {
        this.urls = urls;
        this.signers = signers;
        this.settings = properties.onchain();
    }

    @Override
    public StepType type() {
        return StepType.CONTRACT_CALL;
    }

    @Override
    public void validate(StepContext.Target target, String field, Map<String, String> parameters) {
        ContractCall call = ContractCall.parse(field, parameters, settings.maxSpendWeiCeiling());
        urls.check(call.rpcUrl(), field + ".rpcUrl");
    }

    @Override
    public StepAction prepare(StepContext context) {
        ContractCall call = ContractCall.parse("parameters", context.parameters(), settings.maxSpendWeiCeiling());
        return () -> run(call, context.dryRun());
    }

    private String run(ContractCall call, boolean dryRun) throws Exception {
        // checked again at run time: the name may resolve elsewhere than when the policy was stored
        URI rpc = urls.check(call.rpcUrl(), "parameters.rpcUrl");
        Credentials credentials = signers.credentials(call.signer());
        String from = credentials.getAddress();
        Web3j web3j = Web3j.build(new HttpService(rpc.toString()));
        try {
            ChainCalls chain = new ChainCalls(web3j);
            ReentrantLock lock = signerLocks.computeIfAbsent(from.toLowerCase(), key -> new ReentrantLock());
            lock.lockInterruptibly();
            try {
                chain.simulate(from, call);
                BigInteger estimate = chain.estimateGas(from, call);
                if (estimate.compareTo(call.gasLimit()) > 0) {
                    throw new ContractCallException(Reason.GAS_OVER_LIMIT, "gas estimate " + estimate
                            + " is above gasLimit " + call.gasLimit() + "; nothing was sent");
                }
                // a fifth more than the estimate against state changing in between, never above the policy's limit
                BigInteger gas = estimate.multiply(BigInteger.valueOf(6)).divide(BigInteger.valueOf(5))
                        .min(call.gasLimit());
                BigInteger price = chain.gasPrice();
                BigInteger spend = gas.multiply(price);
                if (spend.compareTo(call.maxSpendWei()) > 0) {
                    throw new ContractCallException(Reason.SPEND_OVER_CAP, "gas " + gas + " × price " + price
                            + " = " + spend + " wei exceeds maxSpendWei " + call.maxSpendWei() + "; nothing was sent");
                }
                String plan = call.describe() + " from " + from + " with gas " + gas + " at " + price
                        + " wei (at most " + spend + " wei)";
                if (dryRun) {
                    return "dry run: simulation passed; would send " + plan;
                }
                return send(chain, credentials, call, gas, price, plan);
            } finally {
                lock.unlock();
            }
        } finally {
            web3j.shutdown();
        }
    }

    private String send(ChainCalls chain, Credentials credentials, ContractCall call, BigInteger gas,
            BigInteger price, String plan) throws Exception {
        BigInteger nonce = chain.pendingNonce(credentials.getAddress());
        RawTransaction transaction = RawTransaction.createTransaction(nonce, price, gas, call.contract(),
                BigInteger.ZERO, call.data());
        byte[] signed = TransactionEncoder.signMessage(transaction, chain.chainId(), credentials);
        String hash = chain.sendRaw(Numeric.toHexString(signed));
        LOG.info("contract-call sent {}: {}", hash, plan);
        TransactionReceipt receipt = chain.receipt(hash, settings.receiptTimeout(), settings.receiptPollInterval());
        String outcome = "transaction " + hash + " status " + receipt.getStatus() + ", gas used "
                + receipt.getGasUsed() + ", block " + receipt.getBlockNumber() + ": " + call.describe();
        if (!receipt.isStatusOK()) {
            throw new ContractCallException(Reason.TRANSACTION_REVERTED, outcome + " reverted");
        }
        return outcome;
    }
}
