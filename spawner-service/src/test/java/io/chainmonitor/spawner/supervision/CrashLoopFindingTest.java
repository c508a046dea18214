package io.chainmonitor.spawner.supervision;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.spawner.runtime.ReplicaKey;

import static org.assertj.core.api.Assertions.assertThat;

class CrashLoopFindingTest {

    private static final ReplicaKey KEY = new ReplicaKey("p-1", "r-2");
    private static final Instant START = Instant.parse("2026-11-22T03:00:00Z");

    @Test
    void theFiringFindingNamesTheReplicaTheCrashesTheWindowAndTheLastExitCode() {
        Finding finding = CrashLoopFinding.firing(KEY, "litecoin-regtest", 5, 5, Duration.ofMinutes(5), 137, START);

        assertThat(finding.status()).isEqualTo(Finding.Status.FIRING);
        assertThat(finding.ruleId()).isEqualTo("spawner.crash-loop");
        assertThat(finding.attack()).isNull();
        assertThat(finding.replicaId()).isEqualTo("r-2");
        assertThat(finding.chain().type()).isEqualTo("litecoin-regtest");
        assertThat(finding.summary()).contains("r-2", "p-1", "5 times", "within 5m", "last exit code 137");
        assertThat(finding.evidence().value()).isEqualTo(5.0);
        assertThat(finding.evidence().window()).isEqualTo("5m");
    }

    @Test
    void firingAndResolvedShareAFingerprintThatDependsOnProjectAndReplicaOnly() {
        Finding firing = CrashLoopFinding.firing(KEY, "anvil", 5, 5, Duration.ofMinutes(5), 1, START);
        Finding resolved = CrashLoopFinding.resolved(KEY, "anvil", Duration.ofMinutes(1), START,
                START.plusSeconds(600));

        assertThat(resolved.fingerprint()).isEqualTo(firing.fingerprint());
        assertThat(resolved.status()).isEqualTo(Finding.Status.RESOLVED);
        assertThat(resolved.endsAt()).isEqualTo(START.plusSeconds(600));
        assertThat(CrashLoopFinding.fingerprint(new ReplicaKey("p-1", "r-3"))).isNotEqualTo(firing.fingerprint());
        assertThat(CrashLoopFinding.fingerprint(new ReplicaKey("p-2", "r-2"))).isNotEqualTo(firing.fingerprint());
    }

    @Test
    void durationsAreWrittenAsPeopleWriteThem() {
        assertThat(CrashLoopFinding.human(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(CrashLoopFinding.human(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(CrashLoopFinding.human(Duration.ofMillis(300))).isEqualTo("300ms");
    }
}
