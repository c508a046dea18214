package io.chainmonitor.adapters;

import java.time.Duration;
import java.util.Objects;

/**
 * How a client talks to its node.
 *
 * @param requestTimeout longest wait for one request (a batch counts as one)
 * @param batchSize most calls in one JSON-RPC batch
 * @param maxConcurrentRequests most requests in flight to one node
 * @param pollInterval time between polls for new heads when there is no push subscription
 */
public record ClientSettings(Duration requestTimeout, int batchSize, int maxConcurrentRequests,
        Duration pollInterval) {

    /** Defaults fit for a node on the same machine or network. */
    public static final ClientSettings DEFAULTS = new ClientSettings(Duration.ofSeconds(10), 50, 4,
            Duration.ofSeconds(1));

    public ClientSettings {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (batchSize < 1 || maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("batchSize and maxConcurrentRequests must be at least 1");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero() || pollInterval.isNegative()
                || pollInterval.isZero()) {
            throw new IllegalArgumentException("requestTimeout and pollInterval must be positive");
        }
    }

    /** The same settings with another batch size. */
    public ClientSettings withBatchSize(int size) {
        return new ClientSettings(requestTimeout, size, maxConcurrentRequests, pollInterval);
    }

}
