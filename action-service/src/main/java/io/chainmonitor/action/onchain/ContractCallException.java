package io.chainmonitor.action.onchain;

/** Why a contract-call step did not send, or sent and failed; the message says it for the execution log. */
final class ContractCallException extends RuntimeException {

    private final Reason reason;

    ContractCallException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    ContractCallException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }

    /** The failure kinds of an on-chain call; the only label on metrics. */
    enum Reason {
        /** The eth_call simulation reverted: nothing was sent. */
        SIMULATION_REVERTED,
        /** The estimate is above the step's gasLimit: nothing was sent. */
        GAS_OVER_LIMIT,
        /** Gas times price could exceed the step's maxSpendWei: nothing was sent. */
        SPEND_OVER_CAP,
        /** The signer's keystore is missing, unreadable or not configured: nothing was sent. */
        SIGNER_UNAVAILABLE,
        /** The node refused or did not answer a call. */
        NODE_ERROR,
        /** The transaction was sent but no receipt came within the wait. */
        RECEIPT_TIMEOUT,
        /** The transaction was mined and reverted. */
        TRANSACTION_REVERTED
    }
}
