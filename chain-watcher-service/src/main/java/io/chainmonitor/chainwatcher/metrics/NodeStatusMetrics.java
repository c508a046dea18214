package io.chainmonitor.chainwatcher.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.chainmonitor.adapters.NodeStatus;
import io.chainmonitor.adapters.NodeStatus.Peer;
import io.chainmonitor.events.chain.MetricBatch.Sample;

/**
 * The samples of one replica's periodic node status batch. Remembers the previous sample's peers to tell new ones; not
 * thread-safe, owned by one replica's status loop.
 */
public final class NodeStatusMetrics {

    private Set<String> previousPeers;

    /** The samples of a node that answered: {@code ourHeight} is the follower's height, for peers' tips. */
    public List<Sample> samples(NodeStatus status, Duration latency, long ourHeight) {
        List<Sample> samples = new ArrayList<>();
        List<Peer> peers = status.peers();
        samples.add(Metric.NODE_PEERS.sample(status.peerCount()));
        // The first sample has no previous one: no peer counts as new then, rather than all of them.
        List<Peer> fresh = previousPeers == null
                ? List.of()
                : peers.stream().filter(peer -> !previousPeers.contains(key(peer))).toList();
        previousPeers = peers.stream().map(NodeStatusMetrics::key).collect(Collectors.toCollection(HashSet::new));
        samples.add(Metric.NODE_PEERS_NEW.sample(fresh.size()));
        samples.add(Metric.NODE_PEERS_SUBNETS
                .sample(peers.stream().map(peer -> PeerSubnets.wide(peer.address())).distinct().count()));
        samples.add(Metric.NODE_PEERS_NEW_SAME_SUBNET_RATIO.sample(sameSubnetRatio(fresh)));
        samples.add(Metric.NODE_PEERS_DIFFERENT_TIP.sample(peers.stream()
                .filter(peer -> peer.bestHeight() != null && Math.abs(peer.bestHeight() - ourHeight) > 1).count()));
        List<Duration> pings = peers.stream().map(Peer::ping).filter(ping -> ping != null).toList();
        if (!pings.isEmpty()) {
            long averageNanos = pings.stream().mapToLong(Duration::toNanos).sum() / pings.size();
            samples.add(Metric.NODE_PEER_PING.sample(averageNanos / 1e9));
        }
        if (status.mempoolSize() != null) {
            samples.add(Metric.NODE_MEMPOOL_SIZE.sample(status.mempoolSize()));
        }
        if (status.mempoolBytes() != null) {
            samples.add(Metric.NODE_MEMPOOL_BYTES.sample(status.mempoolBytes()));
        }
        if (status.finalizedLag() != null) {
            samples.add(Metric.CHAIN_FINALIZED_LAG.sample(status.finalizedLag()));
        }
        samples.add(Metric.NODE_RPC_LATENCY.sample(BlockMetrics.seconds(latency)));
        samples.add(Metric.NODE_SYNCING.sample(status.syncing() ? 1 : 0));
        samples.add(Metric.NODE_RPC_AVAILABLE.sample(1));
        return samples;
    }

    /** The one sample of a node the watcher cannot read: the monitor is blind. */
    public static List<Sample> unavailable() {
        return List.of(Metric.NODE_RPC_AVAILABLE.sample(0));
    }

    /** The share of new peers in the most common /24 among them; zero without new peers. */
    static double sameSubnetRatio(List<Peer> fresh) {
        if (fresh.isEmpty()) {
            return 0;
        }
        Map<String, Long> bySubnet = fresh.stream()
                .collect(Collectors.groupingBy(peer -> PeerSubnets.narrow(peer.address()), Collectors.counting()));
        long most = bySubnet.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        return (double) most / fresh.size();
    }

    private static String key(Peer peer) {
        return peer.id() + "@" + peer.address();
    }

}
