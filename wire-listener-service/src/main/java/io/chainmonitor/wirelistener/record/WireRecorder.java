package io.chainmonitor.wirelistener.record;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.chainmonitor.events.ChainRef;
import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.EventPayload;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.Uuid7;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.wire.WireIncident;
import io.chainmonitor.rules.wire.Detector;
import io.chainmonitor.rules.wire.WireSignature;
import io.chainmonitor.rules.wire.WireSignatures;
import io.chainmonitor.support.kafka.EventPublisher;
import io.chainmonitor.wirelistener.WireListenerProperties;

/**
 * Classifies and aggregates observations off the network threads. The first observation of a (replica, source,
 * signature) is published at once as a wire incident, and as a finding when its signature's tier reaches the
 * configured one; later ones within the window are counted and published as one summary incident when the window
 * closes ("127.0.0.9 tried personal_unlockAccount 37 times in 5 min"), which also resolves the finding. The queue
 * is bounded: when it is full an observation is dropped and counted, never blocking the network thread.
 */
public class WireRecorder implements SmartLifecycle {

    static final String SOURCE = "/wire-listener-service/recorder";
    private static final Logger LOG = LoggerFactory.getLogger(WireRecorder.class);

    private final WireSignatures signatures;
    private final EventPublisher publisher;
    private final Clock clock;
    private final WireListenerProperties.Recording settings;
    private final BlockingQueue<Observation> queue;
    private final Counter dropped;
    private final Counter recorded;
    private final Counter evicted;
    private final Map<String, Aggregate> aggregates = new LinkedHashMap<>();
    private volatile Thread worker;
    private volatile boolean running;

    public WireRecorder(WireSignatures signatures, EventPublisher publisher, Clock clock,
            WireListenerProperties.Recording settings, MeterRegistry meters) {
        this.signatures = signatures;
        this.publisher = publisher;
        this.clock = clock;
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.dropped = Counter.builder("wire.recorder.dropped")
                .description("observations dropped because the recording queue was full")
                .register(meters);
        this.recorded = Counter.builder("wire.recorder.recorded").description("observations classified")
                .register(meters);
        this.evicted = Counter.builder("wire.recorder.evicted")
                .description("aggregates closed early because too many were open").register(meters);
    }

    /** Hands an observation to the recorder; never blocks. Returns false when it was dropped. */
    public boolean record(Observation observation) {
        if (queue.offer(observation)) {
            return true;
        }
        dropped.increment();
        return false;
    }

    /** How many observations were dropped so far. */
    public double droppedCount() {
        return dropped.count();
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::run, "wire-recorder");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // What was queued is still recorded, and open aggregates are closed, so nothing counted is lost.
        Observation left;
        while ((left = queue.poll()) != null) {
            handle(left);
        }
        closeAll();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                Observation next = queue.poll(250, TimeUnit.MILLISECONDS);
                if (next != null) {
                    handle(next);
                }
                closeExpired(clock.instant());
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            } catch (RuntimeException e) {
                // One bad observation must not stop recording.
                LOG.warn("Could not record a wire observation", e);
            }
        }
    }

    /** Classifies one observation and publishes or counts it. Package-private for tests. */
    synchronized void handle(Observation observation) {
        recorded.increment();
        WireSignature signature = signatures.classify(observation.detector(), observation.method(),
                observation.path());
        String key = observation.replica().projectId() + '|' + observation.replica().replicaId() + '|'
                + observation.sourceAddress() + '|' + signature.id();
        Aggregate aggregate = aggregates.get(key);
        if (aggregate != null) {
            aggregate.count++;
            aggregate.last = observation;
            return;
        }
        if (aggregates.size() >= settings.maxAggregates()) {
            Iterator<Aggregate> eldest = aggregates.values().iterator();
            Aggregate oldest = eldest.next();
            eldest.remove();
            evicted.increment();
            close(oldest, clock.instant());
        }
        aggregate = new Aggregate(observation, signature, fingerprint(key));
        aggregates.put(key, aggregate);
        publish(observation, signature, incident(observation, signature, 1, null));
        if (signature.severity().isAtLeast(settings.findingSeverity())) {
            aggregate.findingFired = true;
            publish(observation, signature, finding(aggregate, Finding.Status.FIRING, null));
        }
    }

    /** Closes the windows that have ended. Package-private for tests. */
    synchronized void closeExpired(Instant now) {
        Iterator<Aggregate> it = aggregates.values().iterator();
        while (it.hasNext()) {
            Aggregate aggregate = it.next();
            if (!aggregate.first.at().plus(settings.window()).isAfter(now)) {
                it.remove();
                close(aggregate, now);
            }
        }
    }

    private synchronized void closeAll() {
        Instant now = clock.instant();
        for (Aggregate aggregate : List.copyOf(aggregates.values())) {
            close(aggregate, now);
        }
        aggregates.clear();
    }

    private void close(Aggregate aggregate, Instant now) {
        if (aggregate.count > 1) {
            publish(aggregate.last, aggregate.signature,
                    incident(aggregate.last, aggregate.signature, aggregate.count, aggregate.first.at()));
        }
        if (aggregate.findingFired) {
            publish(aggregate.last, aggregate.signature, finding(aggregate, Finding.Status.RESOLVED, now));
        }
    }

    private void publish(Observation observation, WireSignature signature, EventPayload payload) {
        Severity severity = payload instanceof Finding ? signature.severity() : incidentSeverity(signature);
        publisher.publish(Envelope.of(SOURCE, observation.replica().subject(), observation.replica().projectId(),
                severity, payload)).whenComplete((sent, error) -> {
                    if (error != null) {
                        LOG.warn("Broker did not take a wire event of {}: {}", observation.replica().subject(),
                                error.toString());
                    }
                });
    }

    private static Severity incidentSeverity(WireSignature signature) {
        return signature.severity();
    }

    private WireIncident incident(Observation o, WireSignature signature, long count, Instant since) {
        String what = what(o);
        String where = " on the " + o.port().name() + " port of replica " + o.replica().replicaId();
        String summary;
        if (count == 1) {
            summary = o.sourceAddress() + " " + what + where + " (" + signature.title() + ", "
                    + signature.category().value() + "); " + disposition(o.disposition());
        } else {
            summary = o.sourceAddress() + " " + what + " " + count + " times in " + human(
                    Duration.between(since, o.at())) + where + " (" + signature.title() + ", "
                    + signature.category().value() + "); " + disposition(o.disposition());
        }
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("signature", signature.id());
        labels.put("category", signature.category().value());
        labels.put("severity", signature.severity().wireName());
        labels.put("detector", o.detector().value());
        labels.put("count", Long.toString(count));
        if (since != null) {
            labels.put("firstSeenAt", since.toString());
        }
        labels.put("mitigation", signature.mitigation());
        return new WireIncident(Uuid7.next().toString(), o.replica().replicaId(), o.at(), o.sourceAddress(),
                o.sourcePort(), o.port(), protocol(o), o.method(), o.detector() == Detector.CRITICAL_METHOD,
                signature.id(), o.disposition(), summary, o.excerpt(), o.bytes(), labels);
    }

    private Finding finding(Aggregate aggregate, Finding.Status status, Instant endsAt) {
        Observation o = aggregate.first;
        WireSignature signature = aggregate.signature;
        String summary = status == Finding.Status.FIRING
                ? o.sourceAddress() + " " + what(o) + " on the " + o.port().name() + " port of replica "
                        + o.replica().replicaId() + ": " + signature.description()
                : o.sourceAddress() + " stopped (" + aggregate.count + " attempts in the window): "
                        + signature.title();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("source", o.sourceAddress());
        labels.put("signature", signature.id());
        labels.put("category", signature.category().value());
        labels.put("port", o.port().name().toLowerCase(java.util.Locale.ROOT));
        if (o.method() != null) {
            labels.put("method", o.method());
        }
        List<String> actions = signature.severity().isAtLeast(Severity.HIGH)
                ? List.of("block-source", "isolate-replica")
                : List.of("block-source");
        return new Finding(aggregate.fingerprint, "wire." + signature.id(), signature.category().value(), status,
                signature.title(), summary, new ChainRef(o.replica().chainType(), null, null),
                o.replica().replicaId(), new Finding.Evidence(null, (double) aggregate.count, null,
                        human(settings.window()), List.of(signature.id())),
                labels, actions, o.at(), endsAt);
    }

    private static String what(Observation o) {
        if (o.method() != null) {
            return (o.detector() == Detector.CRITICAL_METHOD || o.detector() == Detector.UNRECOGNIZED_METHOD
                    ? "tried "
                    : "sent ") + o.method();
        }
        if (o.path() != null) {
            return "requested " + Excerpts.of(o.path()) + (o.port() == WireIncident.Port.RPC ? " over HTTP" : "");
        }
        return "sent " + switch (o.detector()) {
            case DEEP_JSON -> "deeply nested JSON";
            case OVERSIZED_BATCH -> "an oversized batch";
            case OVERSIZED_BODY -> "an oversized request";
            case MALFORMED_JSON -> "a body that is not JSON";
            case MALFORMED_JSON_RPC -> "JSON that is not JSON-RPC";
            case BAD_HTTP -> "malformed HTTP";
            case TLS_ON_PLAINTEXT -> "a TLS handshake";
            case HTTP_ON_P2P -> "HTTP";
            case P2P_GARBAGE -> "bytes that are not the chain's handshake";
            case SLOW_REQUEST -> "a request too slowly";
            case RATE_LIMITED -> "requests over its rate limit";
            case BLOCKED_SOURCE -> "a connection while blocked";
            case WS_BINARY_FRAME -> "a binary WebSocket frame";
            case WS_SUBSCRIPTION_FLOOD -> "more WebSocket subscriptions than allowed";
            default -> o.detector().value();
        };
    }

    private static String protocol(Observation o) {
        return switch (o.detector()) {
            case TLS_ON_PLAINTEXT -> "tls";
            case HTTP_ON_P2P, PATH_SCAN, BAD_HTTP -> "http";
            case P2P_GARBAGE -> "unknown";
            case WS_BINARY_FRAME, WS_SUBSCRIPTION_FLOOD -> "websocket";
            default -> o.port() == WireIncident.Port.P2P ? "p2p" : "json-rpc";
        };
    }

    private static String disposition(WireIncident.Disposition disposition) {
        return switch (disposition) {
            case FORWARDED -> "forwarded to the node";
            case REFUSED -> "refused";
            case HONEYPOT -> "answered as a honeypot, not forwarded";
            case BLOCKED -> "blocked";
            case DROPPED -> "connection dropped";
        };
    }

    static String human(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds % 60 == 0 || seconds >= 600) {
            return (seconds / 60) + " min";
        }
        return (seconds / 60) + " min " + (seconds % 60) + " s";
    }

    private static String fingerprint(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "wire-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Aggregate {
        final Observation first;
        final WireSignature signature;
        final String fingerprint;
        Observation last;
        long count = 1;
        boolean findingFired;

        Aggregate(Observation first, WireSignature signature, String fingerprint) {
            this.first = first;
            this.signature = signature;
            this.fingerprint = fingerprint;
            this.last = first;
        }
    }
}
