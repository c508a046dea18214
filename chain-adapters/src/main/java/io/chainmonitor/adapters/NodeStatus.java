package io.chainmonitor.adapters;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a node says about itself at one moment. Figures the node does not expose are {@code null}; {@code peers} is
 * empty where the node lists no peers (anvil), while {@code peerCount} still counts them.
 *
 * @param networkHashrate hashes per second (Bitcoin family {@code getnetworkhashps}), {@code null} elsewhere
 * @param mempoolSize pending transactions: Bitcoin mempool, EVM txpool pending plus queued
 * @param finalizedLag blocks between the head and the last finalized block (EVM {@code finalized} tag), {@code null}
 *        where the node has no finality to report
 */
public record NodeStatus(Instant sampledAt, String clientVersion, int peerCount, List<Peer> peers, boolean syncing,
        Long mempoolSize, Long mempoolBytes, Double networkHashrate, Double difficulty, Long finalizedLag) {

    public NodeStatus {
        Objects.requireNonNull(sampledAt, "sampledAt");
        peers = List.copyOf(peers);
    }

    /**
     * One connected peer.
     *
     * @param address host and port as the node reports it ({@code 127.0.0.1:19444}, {@code [::1]:8333})
     * @param bestHeight the height the peer last announced, {@code null} if unknown
     * @param ping the last ping round trip, {@code null} if unknown
     */
    public record Peer(String id, String address, String clientVersion, boolean inbound, Long bestHeight,
            Duration ping, Instant connectedSince) {

        public Peer {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(address, "address");
        }
    }
}
