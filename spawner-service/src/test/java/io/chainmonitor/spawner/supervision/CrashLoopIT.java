package io.chainmonitor.spawner.supervision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.Topic;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.node.NodeLogLine;
import io.chainmonitor.events.project.ReplicaLifecycle;
import io.chainmonitor.events.project.ReplicaLifecycle.State;
import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReadinessProbe;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaSpec;
import io.chainmonitor.support.embedded.test.BuildTempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A node that exits at once, every time: five crashes, a crash-loop finding, and no more restarts. */
class CrashLoopIT extends SpawnerRuntimeITSupport {

    @BuildTempDir
    Path directory;

    @Test
    void aNodeThatKeepsExitingRaisesACrashLoopFindingAndIsNoLongerRestarted() throws IOException {
        String project = newProjectId("loop");
        Path node = directory.resolve("crashing-node.sh");
        Files.writeString(node, "#!/bin/sh\necho 'Error: the data directory is corrupt' >&2\nexit 7\n");
        Files.setPosixFilePermissions(node, PosixFilePermissions.fromString("rwxr-xr-x"));
        ReplicaKey key = new ReplicaKey(project, "r-1");

        supervisor.supervise(new ReplicaSpec(key, "anvil", "local", node, List.of(), Map.of(), null,
                Set.of(PortRole.RPC), ReadinessProbe.of("eth_blockNumber", Duration.ofSeconds(10))));

        List<Envelope<?>> findings = awaitEvents(Topic.FINDINGS, project, WAIT, seen -> !seen.isEmpty());
        assertThat(findings).singleElement().satisfies(envelope -> {
            assertThat(envelope.severity()).isEqualTo(Severity.HIGH);
            Finding finding = (Finding) envelope.data();
            assertThat(finding.ruleId()).isEqualTo("spawner.crash-loop");
            assertThat(finding.status()).isEqualTo(Finding.Status.FIRING);
            assertThat(finding.attack()).isNull();
            assertThat(finding.replicaId()).isEqualTo("r-1");
            assertThat(finding.summary()).contains("r-1", "5 times", "within 1m", "last exit code 7");
        });
        List<Envelope<?>> lifecycle = awaitEvents(Topic.PROJECTS, project, WAIT,
                seen -> seen.stream().anyMatch(event -> ((ReplicaLifecycle) event.data()).state() == State.FAILED));
        assertThat(lifecycle.stream().map(event -> ((ReplicaLifecycle) event.data()).state()).toList())
                .containsExactly(State.STARTING, State.RESTARTING, State.RESTARTING, State.RESTARTING,
                        State.RESTARTING, State.FAILED);
        assertThat(supervisor.supervised()).doesNotContain(key);
        assertThat(supervisor.status(key)).isEmpty();
        List<Envelope<?>> logs = awaitEvents(Topic.NODE_LOGS, project, WAIT, seen -> seen.size() >= 5);
        assertThat(logs).allSatisfy(event -> {
            NodeLogLine line = (NodeLogLine) event.data();
            assertThat(line.level()).isEqualTo("error");
            assertThat(line.stream()).isEqualTo(NodeLogLine.Stream.STDERR);
            assertThat(line.message()).isEqualTo("Error: the data directory is corrupt");
        });
    }
}
