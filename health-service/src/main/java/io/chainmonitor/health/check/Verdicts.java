package io.chainmonitor.health.check;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.chainmonitor.events.health.HealthReport.Check;
import io.chainmonitor.events.health.HealthReport.ReplicaHealth;
import io.chainmonitor.events.health.HealthReport.Status;
import io.chainmonitor.health.HealthProperties;

/**
 * Turns a project's replica states and firing findings into checks, each with the values it judged, and an overall
 * verdict: the worst check. Pure, so that every threshold is tested without a database or a clock.
 */
final class Verdicts {

    private final HealthProperties.Checks settings;

    Verdicts(HealthProperties.Checks settings) {
        this.settings = settings;
    }

    /** The outcome: checks, per-replica health, overall verdict and firing findings. */
    record Outcome(List<Check> checks, List<ReplicaHealth> replicas, Status overall, int firing) {
    }

    /**
     * @param replicas the project's replicas that are not stopped
     * @param firing firing findings by severity wire name
     * @param peering whether the chain's nodes have peers (anvil has none)
     * @param now the time of the check
     */
    Outcome judge(List<ReplicaRow> replicas, Map<String, Integer> firing, boolean peering, Instant now) {
        List<Check> checks = new ArrayList<>();
        List<ReplicaHealth> health = new ArrayList<>();
        long top = replicas.stream().map(ReplicaRow::height).filter(Objects::nonNull).mapToLong(Long::longValue)
                .max().orElse(-1);
        for (ReplicaRow replica : replicas) {
            List<Check> own = new ArrayList<>();
            own.add(running(replica));
            own.add(reporting(replica, now));
            if (replica.rpcAvailable() != null && !replica.rpcAvailable()) {
                own.add(new Check(name(replica, "rpc"), Status.CRITICAL, "the node's RPC did not answer"));
            }
            Long behind = replica.height() == null || top < 0 ? null : top - replica.height();
            own.add(inSync(replica, behind));
            if (peering) {
                own.add(peers(replica));
            }
            checks.addAll(own);
            Check worst = own.stream().max(Comparator.comparingInt(c -> rank(c.status()))).orElseThrow();
            health.add(new ReplicaHealth(replica.replicaId(), worst.status(), replica.height(), replica.peers(),
                    behind, worst.status() == Status.HEALTHY ? null : worst.detail()));
        }
        if (replicas.size() > 1) {
            checks.add(tips(replicas));
        }
        int total = firing.values().stream().mapToInt(Integer::intValue).sum();
        checks.add(findings(firing, total));
        Status overall = replicas.isEmpty() ? Status.UNKNOWN : worst(checks);
        return new Outcome(List.copyOf(checks), List.copyOf(health), overall, total);
    }

    private static Check running(ReplicaRow replica) {
        if (replica.lifecycle().equals("UNKNOWN")) {
            return new Check(name(replica, "running"), Status.UNKNOWN,
                    "metrics arrive but no lifecycle event of the replica has been seen");
        }
        Status status = switch (replica.lifecycle()) {
            case "RUNNING" -> Status.HEALTHY;
            case "STARTING", "RESTARTING", "ISOLATED" -> Status.DEGRADED;
            default -> Status.CRITICAL;
        };
        return new Check(name(replica, "running"), status, "lifecycle " + replica.lifecycle().toLowerCase(
                java.util.Locale.ROOT) + " since " + replica.lifecycleAt());
    }

    private Check reporting(ReplicaRow replica, Instant now) {
        if (replica.lastMetricAt() == null) {
            Duration since = Duration.between(replica.lifecycleAt(), now);
            Status status = since.compareTo(settings.reportingStaleAfter()) > 0 ? Status.CRITICAL : Status.DEGRADED;
            return new Check(name(replica, "reporting"), status, "no metrics received yet");
        }
        Duration age = Duration.between(replica.lastMetricAt(), now);
        Status status = age.compareTo(settings.reportingStaleAfter()) <= 0
                ? Status.HEALTHY
                : age.compareTo(settings.reportingStaleAfter().multipliedBy(2)) <= 0
                        ? Status.DEGRADED
                        : Status.CRITICAL;
        return new Check(name(replica, "reporting"), status,
                "last metrics " + age.toSeconds() + " s ago (limit " + settings.reportingStaleAfter().toSeconds()
                        + " s)");
    }

    private Check inSync(ReplicaRow replica, Long behind) {
        if (Boolean.TRUE.equals(replica.syncing())) {
            return new Check(name(replica, "in-sync"), Status.DEGRADED, "the node says it is syncing"
                    + (behind == null ? "" : "; " + behind + " blocks behind the project's highest replica"));
        }
        if (behind == null) {
            return new Check(name(replica, "in-sync"), Status.UNKNOWN, "no height known yet");
        }
        Status status = behind >= settings.blocksBehindFail()
                ? Status.CRITICAL
                : behind >= settings.blocksBehindWarn() ? Status.DEGRADED : Status.HEALTHY;
        return new Check(name(replica, "in-sync"), status, "height " + replica.height() + ", " + behind
                + " blocks behind the project's highest replica (warn at " + settings.blocksBehindWarn()
                + ", fail at " + settings.blocksBehindFail() + ")");
    }

    private Check peers(ReplicaRow replica) {
        if (replica.peers() == null) {
            return new Check(name(replica, "peers"), Status.UNKNOWN, "no peer count known yet");
        }
        Status status = replica.peers() >= settings.minPeers()
                ? Status.HEALTHY
                : replica.peers() == 0 ? Status.CRITICAL : Status.DEGRADED;
        return new Check(name(replica, "peers"), status,
                replica.peers() + " peers (minimum " + settings.minPeers() + ")");
    }

    private Check tips(List<ReplicaRow> replicas) {
        List<Long> heights = replicas.stream().map(ReplicaRow::height).filter(Objects::nonNull).toList();
        if (heights.size() < 2) {
            return new Check("replicas agree on the tip", Status.UNKNOWN, "fewer than two replicas report a height");
        }
        long spread = heights.stream().mapToLong(Long::longValue).max().orElseThrow()
                - heights.stream().mapToLong(Long::longValue).min().orElseThrow();
        Status status = spread <= settings.tipSpread() ? Status.HEALTHY : Status.DEGRADED;
        return new Check("replicas agree on the tip", status,
                "heights " + heights + " differ by " + spread + " blocks (tolerated " + settings.tipSpread() + ")");
    }

    private static Check findings(Map<String, Integer> firing, int total) {
        int extreme = firing.getOrDefault("extreme", 0);
        int high = firing.getOrDefault("high", 0);
        Status status = extreme > 0 ? Status.CRITICAL : high > 0 ? Status.DEGRADED : Status.HEALTHY;
        return new Check("firing findings", status, total + " firing (extreme " + extreme + ", high " + high
                + ", medium " + firing.getOrDefault("medium", 0) + ", low " + firing.getOrDefault("low", 0) + ")");
    }

    private static String name(ReplicaRow replica, String check) {
        return replica.replicaId() + " " + check;
    }

    static Status worst(List<Check> checks) {
        return checks.stream().map(Check::status).max(Comparator.comparingInt(Verdicts::rank))
                .orElse(Status.UNKNOWN);
    }

    /** Healthy < unknown < degraded < critical: an unknown check never hides a failing one. */
    static int rank(Status status) {
        return switch (status) {
            case HEALTHY -> 0;
            case UNKNOWN -> 1;
            case DEGRADED -> 2;
            case CRITICAL -> 3;
        };
    }
}
