package io.chainmonitor.spawner.telemetry;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Fixtures under src/test/resources/proc are copies of a real anvil process's /proc files. */
class ProcStatTest {

    private final ProcFileSystem proc = new ProcFileSystem(fixtures());

    @Test
    void readsCpuTicksResidentMemoryAndThreadsOfARealProcess() {
        ProcStat stat = proc.stat(12030).orElseThrow();

        assertThat(stat.cpuTicks()).isEqualTo(3 + 1);
        assertThat(stat.rssBytes()).isEqualTo(18200L * 1024);
        assertThat(stat.threads()).isEqualTo(4);
    }

    @Test
    void countsFieldsFromTheLastParenthesisSoThatOddCommandNamesDoNotShiftThem() {
        String stat = "77 (my (odd) node) S 1 77 77 0 -1 4194304 10 0 0 0 250 50 0 0 20 0 9 0 100 0 0";

        ProcStat parsed = ProcStat.parse(stat, "Name:\tnode\nVmRSS:\t  1024 kB\nThreads:\t9\n").orElseThrow();

        assertThat(parsed.cpuTicks()).isEqualTo(300);
        assertThat(parsed.rssBytes()).isEqualTo(1024L * 1024);
        assertThat(parsed.threads()).isEqualTo(9);
    }

    @Test
    void sumsReceivedAndTransmittedBytesOverEveryInterfaceOfTheNamespace() {
        NetDev net = proc.netDev(12030).orElseThrow();

        assertThat(net.receivedBytes()).isEqualTo(10169604L + 405981144L);
        assertThat(net.transmittedBytes()).isEqualTo(10169604L + 2219589L);
    }

    @Test
    void aProcessThatIsGoneReadsAsNothing() {
        assertThat(proc.stat(999_999)).isEmpty();
        assertThat(proc.netDev(999_999)).isEmpty();
    }

    @Test
    void cpuPercentIsTheGrowthOfTicksOverTheTimeBetweenTwoReadings() {
        CpuMeter meter = new CpuMeter();
        var key = new io.chainmonitor.spawner.runtime.ReplicaKey("p", "r");
        java.time.Instant t0 = java.time.Instant.parse("2026-11-22T03:00:00Z");

        assertThat(meter.percent(key, 10, 1_000, t0)).isEmpty();
        assertThat(meter.percent(key, 10, 1_150, t0.plusSeconds(2)).orElseThrow()).isEqualTo(75.0);
        assertThat(meter.percent(key, 11, 5, t0.plusSeconds(4))).as("a new process starts over").isEmpty();
    }

    private static Path fixtures() {
        try {
            return Path.of(Objects.requireNonNull(ProcStatTest.class.getResource("/proc/12030/stat")).toURI())
                    .getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
