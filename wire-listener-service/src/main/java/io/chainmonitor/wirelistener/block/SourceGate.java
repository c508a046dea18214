package io.chainmonitor.wirelistener.block;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.chainmonitor.wirelistener.WireListenerProperties;

/**
 * The network threads' view of who may connect: the blocks in force, refreshed from the database after every change
 * and on a schedule (so expiries and other instances' blocks take effect), and a token bucket per source address.
 */
@Component
public class SourceGate {

    private final BlockStore store;
    private final Clock clock;
    private final WireListenerProperties.Limits limits;
    private final Map<InetAddress, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile Map<String, List<SourceBlock>> blocks = Map.of();

    SourceGate(BlockStore store, Clock clock, WireListenerProperties properties) {
        this.store = store;
        this.clock = clock;
        this.limits = properties.limits();
    }

    /** True when {@code address} is blocked for the project. */
    public boolean isBlocked(String projectId, InetAddress address) {
        List<SourceBlock> active = blocks.get(projectId);
        if (active == null) {
            return false;
        }
        Instant now = clock.instant();
        for (SourceBlock block : active) {
            if (block.expiresAt().isAfter(now) && block.source().contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Blocks in force per project, for metrics. */
    public int activeBlocks(String projectId) {
        return blocks.getOrDefault(projectId, List.of()).size();
    }

    /** Takes one request from the source's bucket; false when the source is over its rate. */
    public boolean tryAcquire(InetAddress address) {
        long now = System.nanoTime();
        return buckets.computeIfAbsent(address, a -> new Bucket(limits.burst(), now)).take(now,
                limits.requestsPerSecond(), limits.burst());
    }

    /** Reloads the blocks in force. */
    @Scheduled(fixedDelayString = "${chain-monitor.wire-listener.block-refresh:15s}")
    public void refresh() {
        blocks = store.active(clock.instant()).stream()
                .collect(Collectors.groupingBy(SourceBlock::projectId, Collectors.toUnmodifiableList()));
    }

    /** Forgets buckets of sources quiet for a minute, so the map stays bounded by the active sources. */
    @Scheduled(fixedDelay = 60_000)
    void forgetQuietSources() {
        long cutoff = System.nanoTime() - Duration.ofMinutes(1).toNanos();
        buckets.values().removeIf(bucket -> bucket.lastRefill < cutoff);
    }

    private static final class Bucket {
        private double tokens;
        private long lastRefill;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastRefill = now;
        }

        synchronized boolean take(long now, int perSecond, int burst) {
            double refill = (now - lastRefill) / 1e9 * perSecond;
            tokens = Math.min(burst, tokens + refill);
            lastRefill = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
