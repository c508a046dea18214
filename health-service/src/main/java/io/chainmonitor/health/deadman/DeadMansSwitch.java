package io.chainmonitor.health.deadman;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.chainmonitor.events.ChainRef;
import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.EventCodec;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.health.HealthProperties;
import io.chainmonitor.health.check.CheckState;
import io.chainmonitor.health.check.ReplicaRow;
import io.chainmonitor.health.platform.HeartbeatStore;
import io.chainmonitor.support.kafka.EventPublisher;

/**
 * The dead man's switch: a platform service with no instance heard of within {@code heartbeatStaleAfter}, or a
 * running replica without a metric batch within {@code replicaSilentAfter}, becomes a finding — once per silence,
 * resolved with the same fingerprint when it speaks again (or the replica stops). Open silences are stored, so a
 * restart neither repeats nor forgets them; a database lock lets one instance sweep at a time.
 */
@Component
class DeadMansSwitch {

    static final String SOURCE = "/health-service/dead-man";
    static final String SERVICE_SILENT = "platform.service-silent";
    static final String REPLICA_SILENT = "replica.silent";
    private static final Logger LOG = LoggerFactory.getLogger(DeadMansSwitch.class);

    private final HeartbeatStore heartbeats;
    private final CheckState replicas;
    private final SilenceStore silences;
    private final EventPublisher publisher;
    private final EventCodec codec;
    private final TransactionTemplate transactions;
    private final HealthProperties properties;
    private final Clock clock;

    DeadMansSwitch(HeartbeatStore heartbeats, CheckState replicas, SilenceStore silences, EventPublisher publisher,
            EventCodec codec, TransactionTemplate transactions, HealthProperties properties, Clock clock) {
        this.heartbeats = heartbeats;
        this.replicas = replicas;
        this.silences = silences;
        this.publisher = publisher;
        this.codec = codec;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${chain-monitor.health.dead-man.check-interval:5s}")
    void sweep() {
        try {
            transactions.executeWithoutResult(status -> {
                if (silences.tryLock()) {
                    sweepLocked(clock.instant());
                }
            });
        } catch (RuntimeException e) {
            // The next sweep tries again; nothing was marked that was not published.
            LOG.warn("Dead man's switch sweep failed: {}", e.toString());
        }
    }

    /** One sweep, under the lock. Package-private for tests. */
    void sweepLocked(Instant now) {
        Map<String, SilenceStore.Open> open = silences.open();
        Set<String> seen = new HashSet<>();
        Duration stale = properties.heartbeatStaleAfter();
        Map<String, Instant> lastByService = new HashMap<>();
        for (HeartbeatStore.ServiceInstance instance : heartbeats.all()) {
            lastByService.merge(instance.service(), instance.lastSeenAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        lastByService.forEach((service, last) -> {
            String key = "service:" + service;
            seen.add(key);
            boolean silent = !last.isAfter(now.minus(stale));
            if (silent && !open.containsKey(key)) {
                long seconds = Duration.between(last, now).toSeconds();
                fire(key, "service", Envelope.PLATFORM_PROJECT_ID, new Finding(fingerprint(key), SERVICE_SILENT,
                        null, Finding.Status.FIRING, "Platform service silent",
                        "No instance of " + service + " has sent a heartbeat for " + seconds + " s (limit "
                                + stale.toSeconds() + " s); its part of the monitoring may be down.",
                        new ChainRef("platform", null, null), null,
                        new Finding.Evidence("platform.heartbeat.age", (double) seconds, (double) stale.toSeconds(),
                                null, List.of()),
                        Map.of("service", service), List.of("check-platform"), last, null));
            } else if (!silent && open.containsKey(key)) {
                resolve(open.get(key), now, service + " sends heartbeats again.");
            }
        });
        Duration replicaLimit = properties.deadMan().replicaSilentAfter();
        for (ReplicaRow replica : replicas.runningReplicas()) {
            String key = "replica:" + replica.projectId() + "/" + replica.replicaId();
            seen.add(key);
            Instant last = replica.lastMetricAt() != null ? replica.lastMetricAt() : replica.lifecycleAt();
            boolean silent = !last.isAfter(now.minus(replicaLimit));
            if (silent && !open.containsKey(key)) {
                long seconds = Duration.between(last, now).toSeconds();
                fire(key, "replica", replica.projectId(), new Finding(fingerprint(key), REPLICA_SILENT, null,
                        Finding.Status.FIRING, "Replica silent",
                        "Replica " + replica.replicaId() + " is running but no metrics have arrived for " + seconds
                                + " s (limit " + replicaLimit.toSeconds()
                                + " s): the node or its watcher may be stuck.",
                        new ChainRef(replica.chainType(), replica.height(), null), replica.replicaId(),
                        new Finding.Evidence("replica.metrics.age", (double) seconds,
                                (double) replicaLimit.toSeconds(), null, List.of()),
                        Map.of("replica", replica.replicaId()), List.of("restart-replica"), last, null));
            } else if (!silent && open.containsKey(key)) {
                resolve(open.get(key), now, "Replica " + replica.replicaId() + " reports metrics again.");
            }
        }
        for (SilenceStore.Open silence : open.values()) {
            if (!seen.contains(silence.key())) {
                resolve(silence, now, silence.kind().equals("replica")
                        ? "The replica is no longer running."
                        : "The service is no longer known.");
            }
        }
    }

    /** Whether any silence is open: the outbound heartbeat reports a failure then. */
    boolean anySilence() {
        return silences.count() > 0;
    }

    private void fire(String key, String kind, String projectId, Finding finding) {
        publish(projectId, finding);
        silences.insert(key, kind, projectId, finding.fingerprint(), finding.startsAt(),
                codec.mapper().writeValueAsString(finding));
        LOG.warn("{}: {}", finding.ruleId(), finding.summary());
    }

    private void resolve(SilenceStore.Open silence, Instant now, String why) {
        Finding fired = codec.mapper().readValue(silence.finding(), Finding.class);
        Finding resolved = new Finding(fired.fingerprint(), fired.ruleId(), fired.attack(), Finding.Status.RESOLVED,
                fired.title(), why + " Silent since " + silence.since() + ".", fired.chain(), fired.replicaId(),
                fired.evidence(), fired.labels(), fired.recommendedActions(), fired.startsAt(),
                now.isBefore(fired.startsAt()) ? fired.startsAt() : now);
        publish(silence.projectId(), resolved);
        silences.delete(silence.key());
        LOG.info("{} resolved: {}", fired.ruleId(), why);
    }

    private void publish(String projectId, Finding finding) {
        String subject = finding.replicaId() == null
                ? "platform"
                : "projects/" + projectId + "/replicas/" + finding.replicaId();
        try {
            publisher.publish(Envelope.of(SOURCE, subject, projectId, Severity.HIGH, finding)).get(30,
                    TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + finding.ruleId(), e);
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not take " + finding.ruleId() + ": " + e, e);
        }
    }

    static String fingerprint(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "deadman-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
