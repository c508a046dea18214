package io.chainmonitor.events.chain;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.chainmonitor.events.EventPayload;
import io.chainmonitor.events.EventType;
import io.chainmonitor.events.Fields;

/**
 * A block as one replica saw it. Big quantities (difficulty, fees in wei) are decimal strings so that no reader
 * loses precision.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainBlock(
        String replicaId,
        String chainType,
        long height,
        String hash,
        String parentHash,
        Instant blockTime,
        Instant receivedAt,
        int transactionCount,
        Long sizeBytes,
        String producer,
        String difficulty,
        Long gasUsed,
        Long gasLimit,
        String baseFeePerGas,
        int uncleCount,
        boolean backfilled,
        Reorg reorg) implements EventPayload {

    public ChainBlock {
        Fields.requireText(replicaId, "replicaId");
        Fields.requireText(chainType, "chainType");
        Fields.requireNonNegative(height, "height");
        Fields.requireText(hash, "hash");
        Fields.require(receivedAt, "receivedAt");
        Fields.requireNonNegative(transactionCount, "transactionCount");
        Fields.requireNonNegative(uncleCount, "uncleCount");
    }

    @Override
    public EventType eventType() {
        return EventType.CHAIN_BLOCK;
    }

    /** Set on the block that made the replica switch branches: how deep the switch went and what it orphaned. */
    public record Reorg(int depth, String oldTipHash, long oldTipHeight, String newTipHash, long forkHeight,
            List<String> orphanedHashes) {

        public Reorg {
            if (depth < 1) {
                throw new IllegalArgumentException("reorg depth must be at least 1, was " + depth);
            }
            Fields.requireText(oldTipHash, "reorg.oldTipHash");
            Fields.requireText(newTipHash, "reorg.newTipHash");
            orphanedHashes = Fields.list(orphanedHashes);
        }
    }
}
