package io.chainmonitor.adapters;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * One transaction of a block. Amounts in the chain's smallest unit.
 *
 * @param from sending addresses: the EVM sender; Bitcoin family the addresses of the spent outputs where the node
 *            reports them (verbosity 3), otherwise empty
 * @param to receiving addresses: the EVM recipient (empty for a contract creation); Bitcoin family the addresses the
 *            outputs pay
 * @param value EVM the value sent; Bitcoin family the sum of the outputs
 * @param fee the fee paid, {@code null} where the node does not report it (a coinbase, a Bitcoin node without undo
 *            data)
 * @param coinbase the Bitcoin family's coinbase transaction (always {@code false} on EVM)
 * @param contractCreated the address of the contract the transaction created, EVM only
 * @param contractCall an EVM transaction to an address carrying call data (a call to a contract)
 * @param succeeded the EVM receipt status, {@code null} where there is none
 */
public record Transaction(String hash, List<String> from, List<String> to, BigInteger value, BigInteger fee,
        boolean coinbase, String contractCreated, boolean contractCall, Boolean succeeded, long sizeBytes) {

    public Transaction {
        Objects.requireNonNull(hash, "hash");
        from = List.copyOf(from);
        to = List.copyOf(to);
        Objects.requireNonNull(value, "value");
    }
}
