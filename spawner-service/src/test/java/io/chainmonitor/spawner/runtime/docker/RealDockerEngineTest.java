package io.chainmonitor.spawner.runtime.docker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import io.chainmonitor.spawner.SpawnerProperties;
import io.chainmonitor.spawner.runtime.OutputLine;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaListener;
import io.chainmonitor.spawner.runtime.ReplicaSpec;
import io.chainmonitor.spawner.runtime.ReplicaState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The docker runtime against a real Docker engine on this machine's socket; skipped where there is none (the
 * recorded-engine tests cover the same calls everywhere).
 */
@EnabledIf("engineReachable")
class RealDockerEngineTest {

    private static final String SOCKET = "unix:///var/run/docker.sock";
    private static final ReplicaKey KEY = new ReplicaKey("real-engine-test", "r-1");

    @TempDir
    Path temp;

    private DockerReplicaRuntime runtime;

    static boolean engineReachable() {
        if (!Files.exists(Path.of("/var/run/docker.sock"))) {
            return false;
        }
        try (DockerEngine engine = new DockerEngine("probe", DockerHost.parse(SOCKET), Duration.ofSeconds(3))) {
            engine.run("ping", client -> client.pingCmd().exec());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @AfterEach
    void close() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void aScriptNodeRunsInARealContainerWritesItsOutputAndLeavesNothingWhenStopped() throws Exception {
        Path node = Files.writeString(temp.resolve("node"), "#!/bin/sh\necho started in $1\necho careful >&2\n"
                + "exec sleep 300\n");
        Files.setPosixFilePermissions(node, PosixFilePermissions.fromString("r-xr-xr-x"));
        SpawnerProperties.Runtime settings = new SpawnerProperties.Runtime(temp.resolve("replicas"),
                Duration.ofSeconds(2), null, null, true, false, null);
        SpawnerProperties.Docker docker = new SpawnerProperties.Docker(null, "busybox:1.37", null, 0.5, null, null,
                null, null);
        runtime = new DockerReplicaRuntime(settings, docker, Map.of("here", SOCKET), Clock.systemUTC());
        List<OutputLine> output = new CopyOnWriteArrayList<>();
        runtime.addListener(new ReplicaListener() {
            @Override
            public void onOutput(ReplicaKey key, OutputLine line) {
                output.add(line);
            }
        });

        var started = runtime.start(new ReplicaSpec(KEY, "anvil", "here", node, List.of("{dataDir}"), Map.of(),
                null, Set.of(), null));

        assertThat(started.state()).isEqualTo(ReplicaState.RUNNING);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(output).extracting(OutputLine::text)
                .contains("started in /data", "careful"));
        DockerEngine engine = new DockerEngine("check", DockerHost.parse(SOCKET), Duration.ofSeconds(10));
        try (engine) {
            assertThat(Leftovers.list(engine)).anySatisfy(found -> assertThat(found.key()).isEqualTo(KEY));

            runtime.stop(KEY);

            assertThat(Leftovers.list(engine)).noneSatisfy(found -> assertThat(found.key()).isEqualTo(KEY));
        }
    }
}
