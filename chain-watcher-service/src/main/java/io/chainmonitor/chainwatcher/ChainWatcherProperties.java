package io.chainmonitor.chainwatcher;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the chain-watcher-service, under {@code chain-monitor.chain-watcher}.
 *
 * @param batchSize most blocks fetched with one {@code blocks(from, to)} call while catching up
 * @param reorgWindow block hashes kept per replica to find a fork point; a deeper reorg is reported at the window's
 *            edge
 * @param minerWindow blocks over which {@code chain.miner.share} is measured
 * @param initialBackfillBlocks how far below the head a replica seen for the first time starts (0 = from its head)
 * @param statusInterval time between two node status samples
 * @param pollInterval time between head polls when the node pushes no heads
 * @param requestTimeout longest wait for one node request; a node slower than this is treated as unreachable
 * @param initialBackoff wait before the first retry of a failing node
 * @param maxBackoff longest wait between retries
 * @param publishTimeout longest wait for the broker to acknowledge a block's events
 * @param addressCapacity most addresses remembered per project for {@code chain.addresses.new} (least recently seen
 *            are forgotten first)
 * @param propagationCapacity most block hashes remembered per project for propagation delay and tip divergence
 * @param retainedBlocks published blocks kept per replica in the database for the blocks API
 * @param largeTransactionThreshold value, in native units, from which a transaction counts as large
 * @param largeTransactionThresholds the same per chain type id, overriding the default
 * @param chainTypeFiles the operator's chain type files (or directories of them), added to the built-in catalog
 */
@Validated
@ConfigurationProperties("chain-monitor.chain-watcher")
public record ChainWatcherProperties(
        @DefaultValue("50") @Min(1) int batchSize,
        @DefaultValue("128") @Min(2) int reorgWindow,
        @DefaultValue("100") @Min(1) int minerWindow,
        @DefaultValue("10000") @Min(0) long initialBackfillBlocks,
        @DefaultValue("5s") @NotNull Duration statusInterval,
        @DefaultValue("1s") @NotNull Duration pollInterval,
        @DefaultValue("10s") @NotNull Duration requestTimeout,
        @DefaultValue("1s") @NotNull Duration initialBackoff,
        @DefaultValue("30s") @NotNull Duration maxBackoff,
        @DefaultValue("10s") @NotNull Duration publishTimeout,
        @DefaultValue("100000") @Min(1) int addressCapacity,
        @DefaultValue("10000") @Min(1) int propagationCapacity,
        @DefaultValue("10000") @Min(1) int retainedBlocks,
        @DefaultValue("100") @NotNull @DecimalMin("0") BigDecimal largeTransactionThreshold,
        Map<String, BigDecimal> largeTransactionThresholds,
        List<Path> chainTypeFiles) {

    public ChainWatcherProperties {
        largeTransactionThresholds = largeTransactionThresholds == null
                ? Map.of()
                : Map.copyOf(largeTransactionThresholds);
        chainTypeFiles = chainTypeFiles == null ? List.of() : List.copyOf(chainTypeFiles);
    }

    /** The defaults, as a service started without configuration has them. */
    public static ChainWatcherProperties defaults() {
        return new ChainWatcherProperties(50, 128, 100, 10_000, Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(10),
                100_000, 10_000, 10_000, BigDecimal.valueOf(100), Map.of(), List.of());
    }

    /** The large-transaction threshold of a chain type, in native units. */
    public BigDecimal largeTransactionThreshold(String chainType) {
        return largeTransactionThresholds.getOrDefault(chainType, largeTransactionThreshold);
    }
}
