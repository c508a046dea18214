package io.chainmonitor.spawner.runtime.process;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaState;
import io.chainmonitor.spawner.runtime.RunningReplica;
import io.chainmonitor.spawner.runtime.RuntimeKind;

/** One node process the runtime started or re-adopted, and where it stands. */
final class TrackedProcess {

    private final ReplicaKey key;
    private final String chainType;
    private final ProcessHandle handle;
    private final Process process;
    private final Map<PortRole, Integer> ports;
    private final Path dataDirectory;
    private final Instant startedAt;
    private final OutputTail output;
    private ReplicaState state;
    private Integer exitCode;
    private boolean stopRequested;

    TrackedProcess(ReplicaKey key, String chainType, ProcessHandle handle, Process process,
            Map<PortRole, Integer> ports,
            Path dataDirectory, Instant startedAt, OutputTail output, ReplicaState state) {
        this.key = key;
        this.chainType = chainType;
        this.handle = handle;
        this.process = process;
        this.ports = Map.copyOf(ports);
        this.dataDirectory = dataDirectory;
        this.startedAt = startedAt;
        this.output = output;
        this.state = state;
    }

    ReplicaKey key() {
        return key;
    }

    String chainType() {
        return chainType;
    }

    ProcessHandle handle() {
        return handle;
    }

    Map<PortRole, Integer> ports() {
        return ports;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /** The file tail that follows the node's output. */
    OutputTail output() {
        return output;
    }

    /** The last lines of output, for error messages. */
    List<String> tail() {
        output.drain();
        return output.tail();
    }

    /** Marks the process ready; false when it already ended. */
    synchronized boolean markRunning() {
        if (state != ReplicaState.STARTING) {
            return false;
        }
        state = ReplicaState.RUNNING;
        return true;
    }

    /** Records the end of the process; true when it was running and nobody asked it to stop. */
    synchronized boolean markExited() {
        boolean unexpected = state == ReplicaState.RUNNING && !stopRequested;
        exitCode = process == null ? null : process.exitValue();
        state = stopRequested ? ReplicaState.STOPPED : ReplicaState.EXITED;
        return unexpected;
    }

    /** Says the coming end is asked for, so it is not reported as a crash. */
    synchronized void requestStop() {
        stopRequested = true;
    }

    synchronized boolean isLive() {
        return state == ReplicaState.STARTING || state == ReplicaState.RUNNING;
    }

    /** The exit code once the process ended (read from the process itself if the exit is not recorded yet). */
    synchronized Integer exitCode() {
        if (exitCode == null && process != null && !process.isAlive()) {
            return process.exitValue();
        }
        return exitCode;
    }

    synchronized RunningReplica snapshot() {
        return new RunningReplica(key, chainType, RuntimeKind.PROCESS, handle.pid(), ports, dataDirectory, state,
                exitCode,
                startedAt, process == null, 0);
    }
}
