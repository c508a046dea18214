package io.chainmonitor.chainwatcher.blindness;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chainmonitor.adapters.ChainClientException;
import io.chainmonitor.events.ChainRef;
import io.chainmonitor.events.finding.Finding;

/**
 * Whether the watcher can read one replica's node. The first failure of a kind fires a finding of the monitor's own
 * blindness (once, however long it lasts); the first successful call after it resolves it. Thread-safe: the block
 * worker and the status loop of a replica both report to it.
 */
public final class Blindness {

    /** The node cannot be reached, refuses the call or does not answer in time. */
    public static final String UNREACHABLE = "watcher.node-unreachable";
    /** The node answers something that is not a valid answer. */
    public static final String MALFORMED = "watcher.node-malformed";

    private final String projectId;
    private final String replicaId;
    private final String chainType;
    private final Map<String, Finding> firing = new LinkedHashMap<>();
    private final Map<String, Finding> resolving = new LinkedHashMap<>();

    public Blindness(String projectId, String replicaId, String chainType) {
        this.projectId = projectId;
        this.replicaId = replicaId;
        this.chainType = chainType;
    }

    /**
     * The finding to publish for this failure, or {@code null} when one of its kind is already firing. It counts as
     * firing at once, so that the block worker and the status loop never both publish it; {@link #notPublished}
     * takes it back when the broker did not get it, so that the next failure makes it again.
     */
    public synchronized Finding failed(ChainClientException failure, long lastHeight, Instant now) {
        String ruleId = failure.reason() == ChainClientException.Reason.MALFORMED ? MALFORMED : UNREACHABLE;
        if (firing.containsKey(ruleId)) {
            return null;
        }
        String what = ruleId.equals(MALFORMED) ? "answers garbage" : "cannot be reached";
        String summary = "The chain watcher cannot read replica " + replicaId + " of project " + projectId
                + ": its node " + what + " (" + failure.reason().name().toLowerCase(java.util.Locale.ROOT)
                + (failure.method() == null ? "" : " on " + failure.method()) + ": " + failure.getMessage()
                + "). Blocks after height " + lastHeight
                + " are not watched until it answers again; they will be backfilled then.";
        Finding finding = new Finding(fingerprint(ruleId), ruleId, null, Finding.Status.FIRING,
                "Watcher blind on replica " + replicaId + ": node " + what, summary,
                new ChainRef(chainType, lastHeight < 0 ? null : lastHeight, null), replicaId,
                new Finding.Evidence("node.rpc.available", 0.0, 1.0, null, List.of(failure.reason().name())),
                labels(ruleId), List.of("check-replica", "restart-replica"), now, null);
        firing.put(ruleId, finding);
        return finding;
    }

    /** The broker did not get this finding: the state goes back to what it was before it was made. */
    public synchronized void notPublished(Finding finding) {
        if (finding.status() == Finding.Status.FIRING) {
            firing.remove(finding.ruleId(), finding);
        } else {
            Finding fired = resolving.remove(finding.ruleId());
            if (fired != null) {
                firing.putIfAbsent(finding.ruleId(), fired);
            }
        }
    }

    /** The broker has this resolved finding. */
    public synchronized void published(Finding finding) {
        resolving.remove(finding.ruleId());
    }

    /**
     * The resolved findings to publish now that the node answered; empty when nothing is firing. They stop firing at
     * once; {@link #notPublished} makes them fire again when the broker did not get the resolution.
     */
    public synchronized List<Finding> answered(Instant now) {
        List<Finding> resolved = new ArrayList<>();
        for (Finding fired : firing.values()) {
            resolved.add(new Finding(fired.fingerprint(), fired.ruleId(), null, Finding.Status.RESOLVED,
                    "Watcher reads replica " + replicaId + " again",
                    "The node of replica " + replicaId + " of project " + projectId
                            + " answers the chain watcher again; missed blocks are being backfilled.",
                    fired.chain(), replicaId, fired.evidence(), fired.labels(), List.of(), fired.startsAt(),
                    now.isBefore(fired.startsAt()) ? fired.startsAt() : now));
            resolving.put(fired.ruleId(), fired);
        }
        firing.clear();
        return resolved;
    }

    public synchronized boolean blind() {
        return !firing.isEmpty();
    }

    /** Stable for the same rule, project and replica, so that firing and resolved findings share it. */
    String fingerprint(String ruleId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((ruleId + "\n" + projectId + "\n" + replicaId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private Map<String, String> labels(String ruleId) {
        return Map.of("replica", replicaId, "rule", ruleId);
    }
}
