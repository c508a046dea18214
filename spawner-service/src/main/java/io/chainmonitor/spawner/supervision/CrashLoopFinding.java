package io.chainmonitor.spawner.supervision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.chainmonitor.events.ChainRef;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.spawner.runtime.ReplicaKey;

/** The finding the supervisor raises when a replica crash-loops, and the one that resolves it. */
final class CrashLoopFinding {

    static final String RULE_ID = "spawner.crash-loop";
    static final String METRIC = "spawner.replica.crashes";

    private CrashLoopFinding() {
    }

    static Finding firing(ReplicaKey key, String chainType, int crashes, int threshold, Duration window,
            Integer lastExitCode, Instant startsAt) {
        String summary = "Replica " + key.replicaId() + " of project " + key.projectId() + " crashed " + crashes
                + " times within " + human(window) + " (threshold " + threshold + "), last exit code "
                + (lastExitCode == null ? "unknown" : lastExitCode) + "; the supervisor stopped restarting it.";
        return new Finding(fingerprint(key), RULE_ID, null, Finding.Status.FIRING,
                "Replica " + key.replicaId() + " is in a crash loop", summary, new ChainRef(chainType, null, null),
                key.replicaId(),
                new Finding.Evidence(METRIC, (double) crashes, (double) threshold, human(window), List.of()),
                labels(key), List.of("inspect-node-logs", "check-node-binary", "restart-replica"), startsAt, null);
    }

    static Finding resolved(ReplicaKey key, String chainType, Duration stableFor, Instant startsAt, Instant endsAt) {
        String summary = "Replica " + key.replicaId() + " of project " + key.projectId() + " has run for "
                + human(stableFor) + " without crashing after its crash loop.";
        return new Finding(fingerprint(key), RULE_ID, null, Finding.Status.RESOLVED,
                "Replica " + key.replicaId() + " runs stably again", summary, new ChainRef(chainType, null, null),
                key.replicaId(), null, labels(key), List.of(), startsAt, endsAt);
    }

    /** Stable for the same project and replica, so that firing and resolved findings share it. */
    static String fingerprint(ReplicaKey key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((RULE_ID + "\n" + key.projectId() + "\n" + key.replicaId())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A duration as people write it: 90s, 5m, 2h, 1h30m. */
    static String human(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds == 0) {
            return duration.toMillis() + "ms";
        }
        StringBuilder text = new StringBuilder();
        if (seconds >= 3600) {
            text.append(seconds / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            text.append(seconds % 3600 / 60).append('m');
        }
        if (seconds % 60 != 0) {
            text.append(seconds % 60).append('s');
        }
        return text.toString();
    }

    private static Map<String, String> labels(ReplicaKey key) {
        return Map.of("replica", key.replicaId(), "rule", RULE_ID);
    }
}
