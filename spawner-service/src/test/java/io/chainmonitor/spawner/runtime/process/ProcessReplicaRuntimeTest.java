package io.chainmonitor.spawner.runtime.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import io.chainmonitor.spawner.SpawnerProperties;
import io.chainmonitor.spawner.runtime.OutputLine;
import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReadinessProbe;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaListener;
import io.chainmonitor.spawner.runtime.ReplicaRuntimeException;
import io.chainmonitor.spawner.runtime.ReplicaSpec;
import io.chainmonitor.spawner.runtime.ReplicaState;
import io.chainmonitor.spawner.runtime.RunningReplica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The process runtime with small shell scripts as nodes. */
class ProcessReplicaRuntimeTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final DataSize SMALL_OUTPUT_FILE = DataSize.ofKilobytes(4);

    @TempDir
    Path directory;

    private ProcessReplicaRuntime runtime;
    private final ConcurrentLinkedQueue<String> heard = new ConcurrentLinkedQueue<>();

    @AfterEach
    void close() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void aNodeStartsWithItsPlaceholdersFilledInAndItsOutputIsHeardLineByLine() throws IOException {
        runtime = runtime();
        Path node = script("node", "echo \"rpc=$1 dir=$2\"", "echo 'ERROR: boom' >&2", "exec sleep 60");

        RunningReplica running = runtime.start(spec("r-1", node, List.of("{rpcPort}", "{dataDir}"), null));

        int port = running.ports().get(PortRole.RPC);
        await().atMost(WAIT).until(() -> heard.size() == 2);
        assertThat(heard).containsExactlyInAnyOrder(
                "STDOUT 1 rpc=" + port + " dir=" + running.dataDirectory(), "STDERR 1 ERROR: boom");
        assertThat(running.state()).isEqualTo(ReplicaState.RUNNING);
        assertThat(running.dataDirectory()).isEqualTo(directory.resolve("replicas/p-1/r-1").toAbsolutePath());
        assertThat(PidFile.readFrom(running.dataDirectory())).hasValueSatisfying(pid -> {
            assertThat(pid.pid()).isEqualTo(running.pid());
            assertThat(pid.ports()).isEqualTo(running.ports());
        });
    }

    @Test
    void stoppingEndsTheNodeAndItsChildrenAndForgetsIt() throws IOException {
        runtime = runtime();
        Path node = script("parent", "sleep 60 &", "echo child=$!", "wait");
        RunningReplica running = runtime.start(spec("r-1", node, List.of(), null));
        await().atMost(WAIT).until(() -> heard.stream().anyMatch(line -> line.contains("child=")));
        long child = Long.parseLong(heard.peek().replaceAll(".*child=", ""));

        runtime.stop(running.key());

        assertThat(ProcessHandle.of(running.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        await().atMost(WAIT).until(() -> ProcessHandle.of(child).filter(ProcessHandle::isAlive).isEmpty());
        assertThat(runtime.status(running.key())).isEmpty();
        assertThat(PidFile.readFrom(running.dataDirectory())).isEmpty();
    }

    @Test
    void aKilledNodeIsReportedAsExitedWith137AndRestartsOnTheSamePorts() throws IOException {
        runtime = runtime();
        ConcurrentLinkedQueue<Integer> exits = new ConcurrentLinkedQueue<>();
        runtime.addListener(new ReplicaListener() {
            @Override
            public void onExit(ReplicaKey key, Integer exitCode) {
                exits.add(exitCode);
            }
        });
        ReplicaSpec spec = spec("r-1", script("node", "exec sleep 60"), List.of(), null);
        RunningReplica first = runtime.start(spec);

        runtime.kill(spec.key());

        await().atMost(WAIT).until(() -> exits.contains(137));
        assertThat(runtime.status(spec.key()).orElseThrow().state()).isEqualTo(ReplicaState.EXITED);
        RunningReplica second = runtime.start(spec);
        assertThat(second.ports()).isEqualTo(first.ports());
        assertThat(second.pid()).isNotEqualTo(first.pid());
    }

    @Test
    void aNodeThatExitsBeforeItIsReadyFailsWithItsLastOutput() throws IOException {
        runtime = runtime();
        Path node = script("broken", "echo 'Error: cannot open the data directory' >&2", "exit 3");
        ReadinessProbe probe = ReadinessProbe.of("eth_blockNumber", Duration.ofSeconds(10));

        assertThatThrownBy(() -> runtime.start(spec("r-1", node, List.of(), probe)))
                .isInstanceOfSatisfying(ReplicaRuntimeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ReplicaRuntimeException.Reason.EXITED_BEFORE_READY);
                    assertThat(e.exitCode()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("stderr: Error: cannot open the data directory");
                });
    }

    @Test
    void aNodeThatNeverAnswersItsProbeIsKilledWhenTheProbeTimesOut() throws IOException {
        runtime = runtime();
        Path node = script("mute", "exec sleep 60");
        ReadinessProbe probe = ReadinessProbe.of("eth_blockNumber", Duration.ofMillis(700));

        assertThatThrownBy(() -> runtime.start(spec("r-1", node, List.of(), probe)))
                .isInstanceOfSatisfying(ReplicaRuntimeException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReplicaRuntimeException.Reason.NOT_READY_IN_TIME));
        RunningReplica failed = runtime.status(new ReplicaKey("p-1", "r-1")).orElseThrow();
        assertThat(ProcessHandle.of(failed.pid()).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void aSecondSpawnerReAdoptsALiveNodeFromItsPidFileAndCleansUpAStaleOne() throws IOException {
        runtime = runtime();
        RunningReplica live = runtime.start(spec("r-live", script("live", "sleep 60"), List.of(), null));
        RunningReplica dead = runtime.start(spec("r-dead", script("dead", "exec sleep 60"), List.of(), null));
        ProcessSignals.kill(ProcessHandle.of(dead.pid()).orElseThrow());
        await().atMost(WAIT).until(() -> runtime.status(dead.key()).orElseThrow().state() == ReplicaState.EXITED);
        new PidFile(dead.key(), "anvil", dead.pid(), "/opt/node", dead.ports(), dead.startedAt(), null)
                .writeTo(dead.dataDirectory());

        try (ProcessReplicaRuntime second = runtime()) {
            List<RunningReplica> adopted = second.adoptLeftovers();

            assertThat(adopted).singleElement().satisfies(replica -> {
                assertThat(replica.key()).isEqualTo(live.key());
                assertThat(replica.pid()).isEqualTo(live.pid());
                assertThat(replica.adopted()).isTrue();
                assertThat(replica.ports()).isEqualTo(live.ports());
            });
            assertThat(PidFile.readFrom(dead.dataDirectory())).isEmpty();
            second.stop(live.key());
            assertThat(ProcessHandle.of(live.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        }
    }

    @Test
    void closingTheRuntimeLeavesNoProcessOfItsReplicas() throws IOException {
        runtime = runtime();
        RunningReplica one = runtime.start(spec("r-1", script("one", "exec sleep 60"), List.of(), null));
        RunningReplica two = runtime.start(spec("r-2", script("two", "sleep 60"), List.of(), null));

        runtime.close();

        assertThat(List.of(one.pid(), two.pid())).allSatisfy(
                pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
        assertThat(runtime.replicas()).isEmpty();
        assertThat(PidFile.readFrom(one.dataDirectory())).isEmpty();
    }

    @Test
    void theSpecsFilesAreWrittenOwnerOnlyWithTheirPlaceholdersFilledInBeforeTheNodeStarts() throws IOException {
        runtime = runtime();
        Path node = script("conf", "cat \"$1\"", "exec sleep 60");
        ReplicaSpec spec = new ReplicaSpec(new ReplicaKey("p-1", "r-1"), "litecoin", "local", node,
                List.of("{dataDir}/node.conf"), Map.of(), null, Set.of(PortRole.RPC), null, Map.of(),
                Map.of("node.conf", "rpcport={rpcPort}\nrpcpassword=s3cret\n"));

        RunningReplica running = runtime.start(spec);

        Path conf = running.dataDirectory().resolve("node.conf");
        assertThat(Files.getPosixFilePermissions(conf)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        await().atMost(WAIT).until(() -> heard.size() == 2);
        assertThat(heard).containsExactly("STDOUT 1 rpcport=" + running.ports().get(PortRole.RPC),
                "STDOUT 2 rpcpassword=s3cret");
        assertThat(spec.toString()).doesNotContain("s3cret");
    }

    @Test
    void aReleasedReplicaKeepsRunningWithItsPidFileForTheNextSpawner() throws IOException {
        runtime = runtime();
        RunningReplica running = runtime.start(spec("r-1", script("kept", "sleep 60"), List.of(), null));

        runtime.release();

        assertThat(runtime.replicas()).isEmpty();
        assertThat(ProcessHandle.of(running.pid()).filter(ProcessHandle::isAlive)).isPresent();
        try (ProcessReplicaRuntime next = runtime()) {
            assertThat(next.adoptLeftovers()).extracting(RunningReplica::pid).containsExactly(running.pid());
        }
        assertThat(ProcessHandle.of(running.pid()).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void aReAdoptedNodeThatExecedFromAWrapperKeepsItsOutputFlowingFromWhereTheReleasingSpawnerStopped()
            throws IOException, InterruptedException {
        runtime = runtime();
        Path node = script("poked", "n=1", "trap 'echo \"ERROR: poked $n\" >&2; n=$((n+1))' USR1", "echo started",
                "while :; do sleep 0.1; done");
        // A release's wrapper that execs the node: the process no longer runs the file the pid file names.
        Path wrapper = script("wrapper", "exec '" + node + "'");
        RunningReplica running = runtime.start(spec("r-1", wrapper, List.of(), null));
        await().atMost(WAIT).until(() -> heard.contains("STDOUT 1 started"));

        runtime.release();
        heard.clear();
        // Written while no spawner follows the node: the next one reads it from the file.
        signal("USR1", running.pid());
        await().atMost(WAIT).until(() -> Files.readString(OutputTail.fileOf(running.dataDirectory(),
                OutputLine.Stream.STDERR)).contains("poked 1"));

        try (ProcessReplicaRuntime next = runtime()) {
            assertThat(next.adoptLeftovers()).extracting(RunningReplica::pid).containsExactly(running.pid());
            await().atMost(WAIT).until(() -> heard.contains("STDERR 1 ERROR: poked 1"));
            signal("USR1", running.pid());
            await().atMost(WAIT).until(() -> heard.contains("STDERR 2 ERROR: poked 2"));
            assertThat(heard).doesNotContain("STDOUT 1 started");
        }
        assertThat(ProcessHandle.of(running.pid()).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void anOutputFileLargerThanItsLimitIsRotatedAndEveryLineIsHeardInOrder() throws IOException {
        runtime = runtime();
        Path node = script("chatty", "while [ ! -e go ]; do sleep 0.05; done",
                "i=1; while [ $i -le 300 ]; do echo \"line number $i of the node\"; i=$((i+1)); done",
                "exec sleep 60");
        RunningReplica running = runtime.start(spec("r-1", node, List.of(), null));
        Files.writeString(running.dataDirectory().resolve("go"), "");

        await().atMost(WAIT).until(() -> heard.size() == 300);
        assertThat(heard).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 300)
                .mapToObj(i -> "STDOUT " + i + " line number " + i + " of the node").toList());
        Path file = OutputTail.fileOf(running.dataDirectory(), OutputLine.Stream.STDOUT);
        assertThat(file.resolveSibling(file.getFileName() + ".1")).exists();
        assertThat(Files.size(file)).isLessThanOrEqualTo(SMALL_OUTPUT_FILE.toBytes());
    }

    @Test
    void aFileThatCannotBeExecutedIsRefusedBeforeAnythingStarts() throws IOException {
        runtime = runtime();
        Path text = Files.writeString(directory.resolve("notes.txt"), "not a node");

        assertThatThrownBy(() -> runtime.start(spec("r-1", text, List.of(), null)))
                .isInstanceOfSatisfying(ReplicaRuntimeException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReplicaRuntimeException.Reason.EXECUTABLE_NOT_RUNNABLE));
    }

    private ProcessReplicaRuntime runtime() {
        ProcessReplicaRuntime created = new ProcessReplicaRuntime(new SpawnerProperties.Runtime(
                directory.resolve("replicas"), Duration.ofSeconds(2), Duration.ofMillis(50), SMALL_OUTPUT_FILE, null,
                null, Duration.ofMillis(50)),
                Set.of("local"),
                Clock.systemUTC());
        created.addListener(new ReplicaListener() {
            @Override
            public void onOutput(ReplicaKey key, OutputLine line) {
                heard.add(line.stream() + " " + line.lineNumber() + " " + line.text());
            }
        });
        return created;
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor()).isZero();
    }

    private static ReplicaSpec spec(String replica, Path node, List<String> arguments, ReadinessProbe probe) {
        return new ReplicaSpec(new ReplicaKey("p-1", replica), "anvil", "local", node, arguments, Map.of(), null,
                Set.of(PortRole.RPC), probe);
    }

    private Path script(String name, String... lines) throws IOException {
        Path file = directory.resolve(name + ".sh");
        Files.writeString(file, "#!/bin/sh\n" + String.join("\n", lines) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
