package io.chainmonitor.health.check;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chainmonitor.events.health.HealthReport.Check;
import io.chainmonitor.events.health.HealthReport.Status;
import io.chainmonitor.health.HealthProperties;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private final Verdicts verdicts = new Verdicts(
            new HealthProperties.Checks(Duration.ofMinutes(5), Duration.ofMinutes(2), 3, 10, 1, 2));

    private static ReplicaRow replica(String id, String lifecycle, Duration metricsAgo, Long height, Integer peers) {
        return new ReplicaRow("p", id, "litecoin", lifecycle, NOW.minus(Duration.ofHours(1)),
                metricsAgo == null ? null : NOW.minus(metricsAgo), height, peers, false, true);
    }

    private static Check check(Verdicts.Outcome outcome, String name) {
        return outcome.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void replicasThatRunReportAgreeAndHavePeersAreHealthy() {
        var outcome = verdicts.judge(List.of(replica("r1", "RUNNING", Duration.ofSeconds(5), 100L, 8),
                replica("r2", "RUNNING", Duration.ofSeconds(7), 99L, 8)), Map.of(), true, NOW);
        assertThat(outcome.overall()).isEqualTo(Status.HEALTHY);
        assertThat(outcome.replicas()).allMatch(r -> r.status() == Status.HEALTHY && r.note() == null);
        assertThat(check(outcome, "replicas agree on the tip").detail()).contains("[100, 99]", "differ by 1");
    }

    @Test
    void aLaggingReplicaWithoutPeersIsCriticalAndTheDetailNamesTheValues() {
        var outcome = verdicts.judge(List.of(replica("r1", "RUNNING", Duration.ofSeconds(5), 120L, 8),
                replica("r2", "RUNNING", Duration.ofSeconds(5), 110L, 0)), Map.of(), true, NOW);
        assertThat(outcome.overall()).isEqualTo(Status.CRITICAL);
        assertThat(check(outcome, "r2 in-sync").status()).isEqualTo(Status.CRITICAL);
        assertThat(check(outcome, "r2 in-sync").detail()).contains("height 110", "10 blocks behind");
        assertThat(check(outcome, "r2 peers").status()).isEqualTo(Status.CRITICAL);
        assertThat(check(outcome, "replicas agree on the tip").status()).isEqualTo(Status.DEGRADED);
        var r2 = outcome.replicas().get(1);
        assertThat(r2.blocksBehind()).isEqualTo(10L);
        assertThat(r2.note()).isNotBlank();
        assertThat(outcome.replicas().get(0).status()).isEqualTo(Status.HEALTHY);
    }

    @Test
    void thresholdsAreInclusiveWhereTheSettingsSaySo() {
        var warn = verdicts.judge(List.of(replica("r1", "RUNNING", Duration.ofSeconds(1), 103L, 1),
                replica("r2", "RUNNING", Duration.ofSeconds(1), 100L, 1)), Map.of(), true, NOW);
        assertThat(check(warn, "r2 in-sync").status()).isEqualTo(Status.DEGRADED);
        var nearMiss = verdicts.judge(List.of(replica("r1", "RUNNING", Duration.ofSeconds(1), 102L, 1),
                replica("r2", "RUNNING", Duration.ofSeconds(1), 100L, 1)), Map.of(), true, NOW);
        assertThat(check(nearMiss, "r2 in-sync").status()).isEqualTo(Status.HEALTHY);
        assertThat(nearMiss.overall()).isEqualTo(Status.HEALTHY);
    }

    @Test
    void silenceIsDegradedThenCriticalAndAFailedReplicaIsCritical() {
        assertThat(check(verdicts.judge(List.of(replica("r1", "RUNNING", Duration.ofMinutes(3), 1L, 1)), Map.of(),
                true, NOW), "r1 reporting").status()).isEqualTo(Status.DEGRADED);
        assertThat(check(verdicts.judge(List.of(replica("r1", "RUNNING", Duration.ofMinutes(5), 1L, 1)), Map.of(),
                true, NOW), "r1 reporting").status()).isEqualTo(Status.CRITICAL);
        assertThat(check(verdicts.judge(List.of(replica("r1", "RUNNING", null, null, null)), Map.of(), true, NOW),
                "r1 reporting").detail()).isEqualTo("no metrics received yet");
        assertThat(verdicts.judge(List.of(replica("r1", "FAILED", Duration.ofSeconds(1), 1L, 1)), Map.of(), true,
                NOW).overall()).isEqualTo(Status.CRITICAL);
    }

    @Test
    void aChainWithoutPeersIsNotJudgedOnPeersAndNoReplicasIsUnknown() {
        var anvil = verdicts.judge(List.of(replica("a1", "RUNNING", Duration.ofSeconds(1), 5L, null)), Map.of(),
                false, NOW);
        assertThat(anvil.checks()).noneMatch(c -> c.name().endsWith("peers"));
        assertThat(anvil.overall()).isEqualTo(Status.HEALTHY);
        assertThat(verdicts.judge(List.of(), Map.of(), true, NOW).overall()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void firingFindingsCountAndAnExtremeOneMakesTheProjectCritical() {
        var outcome = verdicts.judge(List.of(replica("r1", "RUNNING", Duration.ofSeconds(1), 5L, 3)),
                Map.of("extreme", 1, "medium", 2), true, NOW);
        assertThat(outcome.firing()).isEqualTo(3);
        assertThat(outcome.overall()).isEqualTo(Status.CRITICAL);
        assertThat(check(outcome, "firing findings").detail()).contains("3 firing", "extreme 1", "medium 2");
        assertThat(verdicts.judge(List.of(replica("r1", "RUNNING", Duration.ofSeconds(1), 5L, 3)), Map.of("high", 1),
                true, NOW).overall()).isEqualTo(Status.DEGRADED);
    }
}
