package io.chainmonitor.spawner.telemetry;

import java.time.Clock;
import java.util.Locale;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.node.NodeLogLine;
import io.chainmonitor.spawner.runtime.OutputLine;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaListener;
import io.chainmonitor.support.kafka.EventPublisher;

/** Publishes the warning and error lines of nodes on cm.node.logs.v1, within a rate limit per replica. */
public final class NodeLogForwarder implements ReplicaListener {

    static final String SOURCE = "/spawner-service/node-logs";

    private final EventPublisher publisher;
    private final LogRateLimiter limiter;
    private final Clock clock;

    NodeLogForwarder(EventPublisher publisher, LogRateLimiter limiter, Clock clock) {
        this.publisher = publisher;
        this.limiter = limiter;
        this.clock = clock;
    }

    @Override
    public void onOutput(ReplicaKey key, OutputLine line) {
        LogLevelClassifier.classify(line.text()).ifPresent(level -> {
            if (limiter.allow(key, clock.instant())) {
                NodeLogLine event = new NodeLogLine(key.replicaId(), line.at(),
                        NodeLogLine.Stream.valueOf(line.stream().name()), level, line.text(), line.lineNumber());
                Severity severity = LogLevelClassifier.ERROR.equals(level) ? Severity.MEDIUM : Severity.LOW;
                publisher.publish(
                        Envelope.of(SOURCE, key.subject() + "/" + line.stream().name().toLowerCase(Locale.ROOT),
                                key.projectId(), severity, event));
            }
        });
    }

    /** Warning and error lines of the replica held back by the rate limit so far. */
    long suppressed(ReplicaKey key) {
        return limiter.suppressed(key);
    }
}
