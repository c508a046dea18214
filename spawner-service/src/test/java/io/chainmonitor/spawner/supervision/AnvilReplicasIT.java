package io.chainmonitor.spawner.supervision;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Topic;
import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReadinessProbe;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaSpec;
import io.chainmonitor.spawner.runtime.ReplicaState;
import io.chainmonitor.spawner.runtime.RunningReplica;
import io.chainmonitor.support.embedded.test.TestBinaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two real anvil replicas: ready through eth_blockNumber, one killed and restarted, telemetry on the broker. */
class AnvilReplicasIT extends SpawnerRuntimeITSupport {

    private final JsonRpcTestClient rpc = new JsonRpcTestClient(null, null);

    @Test
    void twoReplicasBecomeReadyAKilledOneIsRestartedAndTheirTelemetryArrives() {
        String project = newProjectId("anvil");
        Path anvil = TestBinaries.required("chain-monitor.test.anvil");
        List<ReplicaKey> keys = List.of(new ReplicaKey(project, "r-1"), new ReplicaKey(project, "r-2"));
        try {
            keys.forEach(key -> supervisor.supervise(new ReplicaSpec(key, "anvil", "local", anvil,
                    List.of("--host", "127.0.0.1", "--port", "{rpcPort}", "--chain-id", "31337"), Map.of(), null,
                    Set.of(PortRole.RPC), ReadinessProbe.of("eth_blockNumber", Duration.ofSeconds(30)))));
            await().atMost(WAIT).until(() -> keys.stream().allMatch(this::isRunning));
            List<RunningReplica> before = keys.stream().map(key -> supervisor.status(key).orElseThrow()).toList();
            before.forEach(replica -> assertThat(rpc.call(replica.rpcUrl(), "eth_blockNumber").asString())
                    .isEqualTo("0x0"));

            RunningReplica victim = before.get(1);
            runtimes.forLocation("local").kill(victim.key());
            await().atMost(WAIT).until(() -> supervisor.status(victim.key())
                    .filter(now -> now.state() == ReplicaState.RUNNING && !now.pid().equals(victim.pid()))
                    .isPresent());
            rpc.call(victim.rpcUrl(), "evm_mine");
            assertThat(rpc.call(victim.rpcUrl(), "eth_blockNumber").asString()).isEqualTo("0x1");

            List<Envelope<?>> metrics = awaitEvents(Topic.CHAIN_METRICS, project, WAIT,
                    seen -> keys.stream().allMatch(key -> positiveRss(seen, key.replicaId())));
            MetricBatch batch = metrics.stream().map(Envelope::data).map(MetricBatch.class::cast)
                    .filter(candidate -> value(candidate, "node.memory.rss_bytes") > 0).findFirst().orElseThrow();
            assertThat(batch.producer()).isEqualTo("spawner");
            assertThat(batch.chainType()).isEqualTo("anvil");
            assertThat(value(batch, "node.up")).isEqualTo(1.0);
            assertThat(value(batch, "node.threads")).isPositive();
            assertThat(batch.samples()).anySatisfy(sample -> {
                assertThat(sample.metric()).isEqualTo("node.netns.receive_bytes");
                assertThat(sample.labels()).containsEntry("scope", "network-namespace");
            });
        } finally {
            keys.forEach(supervisor::stop);
        }
        assertThat(runtimes.forLocation("local").replicas()).noneMatch(replica -> replica.key().projectId()
                .equals(project));
    }

    private boolean isRunning(ReplicaKey key) {
        return supervisor.status(key).filter(status -> status.state() == ReplicaState.RUNNING).isPresent();
    }

    private static boolean positiveRss(List<Envelope<?>> events, String replica) {
        return events.stream().map(Envelope::data).filter(MetricBatch.class::isInstance).map(MetricBatch.class::cast)
                .anyMatch(batch -> batch.replicaId().equals(replica) && value(batch, "node.memory.rss_bytes") > 0);
    }

    private static double value(MetricBatch batch, String metric) {
        return batch.samples().stream().filter(sample -> sample.metric().equals(metric))
                .mapToDouble(MetricBatch.Sample::value).findFirst().orElse(-1);
    }
}
