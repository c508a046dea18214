package io.chainmonitor.spawner.telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaState;
import io.chainmonitor.spawner.runtime.RunningReplica;
import io.chainmonitor.spawner.runtime.RuntimeKind;

import static org.assertj.core.api.Assertions.assertThat;

/** Samples this test's own JVM through the real /proc, as if it were a node. */
class ReplicaSamplerTest {

    private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

    @TempDir
    Path dataDirectory;

    private final ReplicaSampler sampler = new ReplicaSampler(new ProcFileSystem(Path.of("/proc")));

    @Test
    void aRunningReplicaReportsItsMemoryThreadsDiskAndNamespaceTraffic() throws IOException {
        Files.write(dataDirectory.resolve("blocks.dat"), new byte[4096]);

        MetricBatch batch = sampler.sample(replica(ReplicaState.RUNNING), 3, T0);

        assertThat(batch.producer()).isEqualTo("spawner");
        assertThat(batch.chainType()).isEqualTo("anvil");
        assertThat(value(batch, "node.up")).isEqualTo(1.0);
        assertThat(value(batch, "node.memory.rss_bytes")).isPositive();
        assertThat(value(batch, "node.threads")).isGreaterThanOrEqualTo(2);
        assertThat(value(batch, "node.disk.used_bytes")).isEqualTo(4096.0);
        assertThat(value(batch, "node.log.suppressed_lines")).isEqualTo(3.0);
        assertThat(batch.samples()).filteredOn(sample -> sample.metric().startsWith("node.netns."))
                .hasSize(2).allSatisfy(sample -> assertThat(sample.labels())
                        .containsEntry("scope", "network-namespace"));
        assertThat(batch.samples()).noneMatch(sample -> sample.metric().equals("node.cpu.percent"));
    }

    @Test
    void theSecondSampleOfAProcessCarriesItsCpuPercentage() {
        sampler.sample(replica(ReplicaState.RUNNING), 0, T0);

        MetricBatch second = sampler.sample(replica(ReplicaState.RUNNING), 0, T0.plusSeconds(5));

        assertThat(value(second, "node.cpu.percent")).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void anExitedReplicaIsDownWithoutProcessFigures() {
        MetricBatch batch = sampler.sample(replica(ReplicaState.EXITED), 0, T0);

        assertThat(value(batch, "node.up")).isZero();
        assertThat(batch.samples()).noneMatch(sample -> sample.metric().equals("node.memory.rss_bytes"));
    }

    @Test
    void aReplicaWithoutALocalProcessReportsWhatItsPlatformMeasured() {
        RunningReplica pod = new RunningReplica(new ReplicaKey("p-1", "r-2"), "litecoin", RuntimeKind.KUBERNETES,
                null, Map.of(PortRole.RPC, 19443), null, ReplicaState.RUNNING, null, T0, false, 0, "cm-p-1-r-2.ns.svc");

        MetricBatch batch = sampler.sample(pod, 0, T0,
                java.util.Optional.of(new io.chainmonitor.spawner.runtime.ResourceUsage(25.0, 1024L, 10L, 20L)));

        assertThat(value(batch, "node.up")).isEqualTo(1.0);
        assertThat(value(batch, "node.cpu.percent")).isEqualTo(25.0);
        assertThat(value(batch, "node.memory.rss_bytes")).isEqualTo(1024.0);
        assertThat(value(batch, "node.netns.receive_bytes")).isEqualTo(10.0);
        assertThat(value(batch, "node.netns.transmit_bytes")).isEqualTo(20.0);
        assertThat(value(sampler.sample(pod, 0, T0), "node.up")).isZero();
    }

    private RunningReplica replica(ReplicaState state) {
        return new RunningReplica(new ReplicaKey("p-1", "r-1"), "anvil", RuntimeKind.PROCESS,
                ProcessHandle.current().pid(), Map.of(PortRole.RPC, 8545), dataDirectory, state, null, T0, false, 0);
    }

    private static double value(MetricBatch batch, String metric) {
        return batch.samples().stream().filter(sample -> sample.metric().equals(metric))
                .mapToDouble(MetricBatch.Sample::value).findFirst().orElseThrow();
    }
}
