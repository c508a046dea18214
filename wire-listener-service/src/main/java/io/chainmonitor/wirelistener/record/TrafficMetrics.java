package io.chainmonitor.wirelistener.record;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.scheduling.annotation.Scheduled;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.support.kafka.EventPublisher;
import io.chainmonitor.wirelistener.block.SourceGate;
import io.chainmonitor.wirelistener.listen.ReplicaKey;

/**
 * Publishes each listened replica's request metrics on {@code cm.chain.metrics.v1} every interval: request rate,
 * unrecognized and invalid rates (per second over the interval), distinct sources, blocked sources in force and
 * invalid P2P messages, for the DDoS and spam rules.
 */
public class TrafficMetrics {

    static final String SOURCE = "/wire-listener-service/traffic";
    static final String PRODUCER = "wire-listener";

    private final Map<ReplicaKey, Traffic> replicas = new ConcurrentHashMap<>();
    private final EventPublisher publisher;
    private final SourceGate gate;
    private final Clock clock;
    private volatile Instant last;

    public TrafficMetrics(EventPublisher publisher, SourceGate gate, Clock clock) {
        this.publisher = publisher;
        this.gate = gate;
        this.clock = clock;
        this.last = clock.instant();
    }

    /** The counters of a replica, made on first use. */
    public Traffic of(ReplicaKey replica) {
        return replicas.computeIfAbsent(replica, r -> new Traffic());
    }

    /** Stops publishing for a replica (after one last batch). */
    public void forget(ReplicaKey replica) {
        Traffic traffic = replicas.remove(replica);
        if (traffic != null) {
            publish(replica, traffic, Duration.between(last, clock.instant()), clock.instant());
        }
    }

    @Scheduled(fixedDelayString = "${chain-monitor.wire-listener.metrics-interval:10s}")
    public void publishAll() {
        Instant now = clock.instant();
        Duration interval = Duration.between(last, now);
        last = now;
        replicas.forEach((replica, traffic) -> publish(replica, traffic, interval, now));
    }

    private void publish(ReplicaKey replica, Traffic traffic, Duration interval, Instant now) {
        Traffic.Counts counts = traffic.drain();
        double seconds = Math.max(1e-3, interval.toMillis() / 1000.0);
        List<MetricBatch.Sample> samples = List.of(
                sample("wire.requests.rate", counts.requests() / seconds),
                sample("wire.requests.unrecognized.rate", counts.unrecognized() / seconds),
                sample("wire.requests.invalid.rate", counts.invalid() / seconds),
                sample("wire.sources.distinct", counts.sources()),
                sample("wire.sources.blocked", gate.activeBlocks(replica.projectId())),
                sample("wire.p2p.invalid_messages", counts.p2pInvalid()));
        publisher.publish(Envelope.of(SOURCE, replica.subject(), replica.projectId(), Severity.LOW,
                new MetricBatch(replica.replicaId(), replica.chainType(), null, null, now, PRODUCER, samples)));
    }

    private static MetricBatch.Sample sample(String metric, double value) {
        return new MetricBatch.Sample(metric, value, "count", Map.of());
    }
}
