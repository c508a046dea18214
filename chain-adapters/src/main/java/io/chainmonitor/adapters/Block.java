package io.chainmonitor.adapters;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A block as the node returned it. Amounts are in the chain's smallest unit (wei, satoshi). EVM-only fields
 * ({@code gasUsed}, {@code gasLimit}, {@code baseFeePerGas}) are {@code null} for the Bitcoin family.
 *
 * @param producer the address that produced the block: EVM {@code miner}/fee recipient, Bitcoin family the first
 *            address the coinbase transaction pays ({@code null} when the coinbase pays no standard address)
 * @param difficulty {@code 0} where the chain has none (PoS, anvil)
 */
public record Block(long height, String hash, String parentHash, Instant timestamp, long sizeBytes, String producer,
        BigInteger difficulty, Long gasUsed, Long gasLimit, BigInteger baseFeePerGas, List<String> uncleHashes,
        List<Transaction> transactions) {

    public Block {
        if (height < 0) {
            throw new IllegalArgumentException("height must not be negative, was " + height);
        }
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(difficulty, "difficulty");
        uncleHashes = List.copyOf(uncleHashes);
        transactions = List.copyOf(transactions);
    }

    /** The block as a head. */
    public ChainHead head() {
        return new ChainHead(height, hash, timestamp);
    }
}
