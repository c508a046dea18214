package io.chainmonitor.spawner.runtime.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.chainmonitor.spawner.SpawnerProperties;
import io.chainmonitor.spawner.runtime.NodeAddressing;
import io.chainmonitor.spawner.runtime.OutputLine;
import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReadinessProber;
import io.chainmonitor.spawner.runtime.ReplicaLabels;
import io.chainmonitor.spawner.runtime.ReplicaRuntimeException;
import io.chainmonitor.spawner.runtime.ReplicaRuntimeException.Reason;
import io.chainmonitor.spawner.runtime.ReplicaSpec;
import io.chainmonitor.spawner.runtime.ReplicaState;

import static io.chainmonitor.spawner.runtime.OutputLine.Stream.STDERR;
import static io.chainmonitor.spawner.runtime.OutputLine.Stream.STDOUT;

/**
 * Starts one node process (no shell; in its own session and process group through {@code setsid} when the machine
 * has it, so that terminal signals meant for the spawner do not reach the node) and waits for it to be ready.
 */
final class ProcessLaunch {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final SpawnerProperties.Runtime settings;
    private final Clock clock;
    private final ReadinessProber prober;
    private final ScheduledExecutorService outputPolling;

    ProcessLaunch(SpawnerProperties.Runtime settings, Clock clock, ScheduledExecutorService outputPolling) {
        this.settings = settings;
        this.clock = clock;
        this.outputPolling = outputPolling;
        this.prober = new ReadinessProber(Duration.ofSeconds(2));
    }

    TrackedProcess start(ReplicaSpec spec, Map<PortRole, Integer> ports, Path directory,
            Consumer<OutputLine> output) {
        if (!Files.isRegularFile(spec.executable()) || !Files.isExecutable(spec.executable())) {
            throw new ReplicaRuntimeException(Reason.EXECUTABLE_NOT_RUNNABLE,
                    "replica " + spec.key() + ": " + spec.executable() + " is not an executable file");
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(command(spec));
        spec.arguments().forEach(argument -> command.add(substitute(argument, ports, directory)));
        try {
            Files.createDirectories(directory);
            writeFiles(spec, ports, directory);
            // The node writes its output to files of its own, not to pipes the spawner must drain: it outlives the
            // spawner (re-adoption) without blocking on a full pipe or losing its output.
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(OutputTail.fileOf(directory, STDOUT).toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(OutputTail.fileOf(directory, STDERR).toFile()));
            builder.environment().putAll(spec.environment());
            OutputTail tail = OutputTail.ofNewProcess("replica-" + spec.key(), directory, output, clock,
                    settings.outputFileMaxSize().toBytes());
            Process process = builder.start();
            tail.start(outputPolling, settings.outputPollInterval());
            return new TrackedProcess(spec.key(), spec.chainType(), process.toHandle(), process, ports, directory,
                    clock.instant(), tail, ReplicaState.STARTING);
        } catch (IOException e) {
            throw new ReplicaRuntimeException(Reason.START_FAILED,
                    "replica " + spec.key() + ": cannot start " + spec.executable() + ": " + e.getMessage(), null, e);
        }
    }

    /** Writes the spec's files, owner-only from their creation on, so that no other user ever reads a secret. */
    private static void writeFiles(ReplicaSpec spec, Map<PortRole, Integer> ports, Path directory) throws IOException {
        for (Map.Entry<String, String> file : spec.files().entrySet()) {
            Path target = directory.resolve(file.getKey());
            Files.deleteIfExists(target);
            Files.createFile(target,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(target, substitute(file.getValue(), ports, directory), StandardCharsets.UTF_8);
        }
    }

    /** Polls the readiness probe until it answers, the process exits or the probe's timeout passes. */
    void awaitReady(ReplicaSpec spec, TrackedProcess started) {
        if (spec.readiness() == null) {
            return;
        }
        Instant deadline = clock.instant().plus(spec.readiness().timeout());
        int rpcPort = started.ports().get(PortRole.RPC);
        try {
            while (true) {
                if (!started.handle().isAlive()) {
                    throw exitedBeforeReady(spec, started);
                }
                if (prober.isReady(rpcPort, spec.readiness())) {
                    return;
                }
                if (clock.instant().isAfter(deadline)) {
                    ProcessSignals.kill(started.handle());
                    throw new ReplicaRuntimeException(Reason.NOT_READY_IN_TIME, "replica " + spec.key()
                            + " did not answer " + spec.readiness().method() + " on port " + rpcPort + " within "
                            + spec.readiness().timeout() + tail(started), null, null);
                }
                waitBriefly(started);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProcessSignals.kill(started.handle());
            throw new ReplicaRuntimeException(Reason.START_FAILED, "replica " + spec.key() + ": interrupted", null, e);
        }
    }

    ReplicaRuntimeException exitedBeforeReady(ReplicaSpec spec, TrackedProcess started) {
        ProcessSignals.awaitExit(started.handle(), Duration.ofSeconds(5));
        Integer exitCode = started.exitCode();
        return new ReplicaRuntimeException(Reason.EXITED_BEFORE_READY, "replica " + spec.key() + " exited with "
                + exitCode + " before it was ready" + tail(started), exitCode, null);
    }

    /** The executable as the pid file records it: its real path. */
    String command(ReplicaSpec spec) {
        try {
            return spec.executable().toRealPath().toString();
        } catch (IOException e) {
            return spec.executable().toAbsolutePath().toString();
        }
    }

    /** True when the process runs {@code command}, directly or through an interpreter (a script). */
    static boolean runs(ProcessHandle handle, String command) {
        ProcessHandle.Info info = handle.info();
        return info.command().filter(command::equals).isPresent()
                || info.commandLine().filter(line -> line.contains(command)).isPresent();
    }

    private void waitBriefly(TrackedProcess started) throws InterruptedException {
        try {
            started.handle().onExit().get(settings.readinessPollInterval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            // Still running: poll the probe again.
        }
    }

    private static String substitute(String argument, Map<PortRole, Integer> ports, Path directory) {
        return ReplicaLabels.render(argument, ports, directory.toString(), NodeAddressing.LOOPBACK);
    }

    private static String tail(TrackedProcess started) {
        List<String> lines = started.tail();
        return lines.isEmpty() ? "" : "; last output:\n" + String.join("\n", lines);
    }
}
