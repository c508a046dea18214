package io.chainmonitor.chainwatcher.metrics;

import java.math.BigDecimal;
import java.math.BigInteger;

import io.chainmonitor.adapters.Block;
import io.chainmonitor.adapters.Transaction;

/**
 * The transaction figures of one block, in native units (exact {@link BigDecimal}s converted from the smallest unit).
 * The Bitcoin family's coinbase is not a transfer: it is left out of every figure.
 *
 * @param transactions transactions without the coinbase
 * @param feesPaidBy transactions whose fee the node reported (the divisor of the average fee)
 */
public record TransactionFigures(int transactions, BigDecimal fees, int feesPaidBy, BigDecimal valueTotal,
        int largeCount, BigDecimal largestValue, int contractsDeployed, int contractCalls) {

    /** The figures of {@code block}, with {@code decimals} places in the native unit. */
    public static TransactionFigures of(Block block, int decimals, BigDecimal largeThreshold) {
        int count = 0;
        int withFee = 0;
        int large = 0;
        int deployed = 0;
        int calls = 0;
        BigInteger fees = BigInteger.ZERO;
        BigInteger total = BigInteger.ZERO;
        BigInteger largest = BigInteger.ZERO;
        BigInteger threshold = largeThreshold.movePointRight(decimals).setScale(0, java.math.RoundingMode.CEILING)
                .toBigIntegerExact();
        for (Transaction tx : block.transactions()) {
            if (tx.coinbase()) {
                continue;
            }
            count++;
            if (tx.fee() != null) {
                fees = fees.add(tx.fee());
                withFee++;
            }
            total = total.add(tx.value());
            largest = largest.max(tx.value());
            if (tx.value().compareTo(threshold) >= 0) {
                large++;
            }
            if (tx.contractCreated() != null) {
                deployed++;
            }
            if (tx.contractCall()) {
                calls++;
            }
        }
        return new TransactionFigures(count, toNative(fees, decimals), withFee, toNative(total, decimals), large,
                toNative(largest, decimals), deployed, calls);
    }

    /** The average fee per transaction whose fee is known; zero when there is none. */
    public BigDecimal averageFee() {
        return feesPaidBy == 0
                ? BigDecimal.ZERO
                : fees.divide(BigDecimal.valueOf(feesPaidBy), java.math.MathContext.DECIMAL128);
    }

    /** An amount in the smallest unit as native units, exactly. */
    public static BigDecimal toNative(BigInteger smallest, int decimals) {
        return new BigDecimal(smallest, decimals).stripTrailingZeros();
    }
}
