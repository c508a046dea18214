package io.chainmonitor.spawner.runtime.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainmonitor.spawner.SpawnerProperties;
import io.chainmonitor.spawner.runtime.OutputLine;
import io.chainmonitor.spawner.runtime.ParallelStop;
import io.chainmonitor.spawner.runtime.PortAllocator;
import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaListener;
import io.chainmonitor.spawner.runtime.ReplicaRuntime;
import io.chainmonitor.spawner.runtime.ReplicaRuntimeException;
import io.chainmonitor.spawner.runtime.ReplicaRuntimeException.Reason;
import io.chainmonitor.spawner.runtime.ReplicaSpec;
import io.chainmonitor.spawner.runtime.ReplicaState;
import io.chainmonitor.spawner.runtime.RunningReplica;
import io.chainmonitor.spawner.runtime.RuntimeKind;

/**
 * Runs replicas as local processes on loopback. Every process it starts is tracked until it is stopped, and a pid file
 * in the replica's data directory lets a restarted spawner re-adopt it ({@link #adoptLeftovers()}).
 */
public final class ProcessReplicaRuntime implements ReplicaRuntime {

    private static final Logger log = LoggerFactory.getLogger(ProcessReplicaRuntime.class);

    private final SpawnerProperties.Runtime settings;
    private final Set<String> locations;
    private final PortAllocator ports = new PortAllocator();
    private final ProcessLaunch launch;
    private final Clock clock;
    private final Map<ReplicaKey, TrackedProcess> tracked = new ConcurrentHashMap<>();
    private final List<ReplicaListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService outputPolling;
    private volatile boolean released;

    /** A process runtime serving {@code locations} (the configured locations of runtime {@code process}). */
    public ProcessReplicaRuntime(SpawnerProperties.Runtime settings, Set<String> locations, Clock clock) {
        this.settings = settings;
        this.locations = Set.copyOf(locations);
        this.clock = clock;
        this.outputPolling = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("replica-output").factory());
        this.launch = new ProcessLaunch(settings, clock, outputPolling);
    }

    @Override
    public RuntimeKind kind() {
        return RuntimeKind.PROCESS;
    }

    @Override
    public boolean serves(String location) {
        return location == null || locations.contains(location);
    }

    @Override
    public RunningReplica start(ReplicaSpec spec) {
        ReplicaKey key = spec.key();
        TrackedProcess started;
        synchronized (this) {
            TrackedProcess previous = tracked.get(key);
            if (previous != null && previous.isLive()) {
                throw new ReplicaRuntimeException(Reason.ALREADY_RUNNING, "replica " + key + " is already running");
            }
            Map<PortRole, Integer> assigned = previous != null ? previous.ports() : allocate(spec);
            Path directory = spec.dataDirectory() != null ? spec.dataDirectory() : directoryOf(key);
            try {
                started = launch.start(spec, assigned, directory, line -> fireOutput(key, line));
            } catch (RuntimeException e) {
                if (previous == null) {
                    assigned.values().forEach(ports::release);
                }
                throw e;
            }
            tracked.put(key, started);
        }
        // Written before the readiness wait, so that a spawner that dies meanwhile leaves no untraceable process.
        new PidFile(key, spec.chainType(), started.handle().pid(), launch.command(spec), started.ports(),
                clock.instant(), started.handle().info().startInstant().orElse(null))
                .writeTo(started.dataDirectory());
        started.handle().onExit().thenRun(() -> onProcessExit(started));
        launch.awaitReady(spec, started);
        if (!started.markRunning()) {
            throw launch.exitedBeforeReady(spec, started);
        }
        log.info("replica {} runs as pid {} on ports {}", key, started.handle().pid(), started.ports());
        return started.snapshot();
    }

    @Override
    public Map<PortRole, Integer> reservePorts(Set<PortRole> roles) {
        return ports.allocate(roles);
    }

    @Override
    public void releasePorts(Map<PortRole, Integer> reserved) {
        ports.release(reserved);
    }

    @Override
    public void stop(ReplicaKey key) {
        TrackedProcess process = tracked.remove(key);
        if (process == null) {
            return;
        }
        process.requestStop();
        if (process.handle().isAlive()) {
            ProcessSignals.terminate(process.handle(), settings.stopGracePeriod());
        }
        process.output().stop();
        process.ports().values().forEach(ports::release);
        PidFile.deleteIn(process.dataDirectory());
        log.info("replica {} stopped", key);
    }

    @Override
    public void kill(ReplicaKey key) {
        TrackedProcess process = tracked.get(key);
        if (process == null) {
            throw new ReplicaRuntimeException(Reason.UNKNOWN_REPLICA, "no replica " + key);
        }
        ProcessSignals.kill(process.handle());
    }

    @Override
    public Optional<RunningReplica> status(ReplicaKey key) {
        return Optional.ofNullable(tracked.get(key)).map(TrackedProcess::snapshot);
    }

    @Override
    public List<RunningReplica> replicas() {
        return tracked.values().stream().map(TrackedProcess::snapshot).toList();
    }

    @Override
    public void addListener(ReplicaListener listener) {
        listeners.add(listener);
    }

    /**
     * Looks for pid files left under the data directory by an earlier spawner: a live process that is the one the file
     * names (same start time, or else same command) is tracked again, its output followed from where the earlier
     * spawner stopped reading; any other pid file is removed.
     */
    public List<RunningReplica> adoptLeftovers() {
        List<RunningReplica> adopted = new ArrayList<>();
        for (Path directory : replicaDirectories()) {
            Optional<PidFile> file = PidFile.readFrom(directory);
            Optional<ProcessHandle> alive = file.flatMap(pid -> ProcessHandle.of(pid.pid()))
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> file.get().isProcess(handle));
            if (alive.isEmpty() || tracked.containsKey(file.get().key())) {
                PidFile.deleteIn(directory);
                continue;
            }
            PidFile pid = file.get();
            if (!settings.adoptLeftovers()) {
                log.info("replica {}: killing leftover pid {}", pid.key(), pid.pid());
                ProcessSignals.terminate(alive.get(), settings.stopGracePeriod());
                PidFile.deleteIn(directory);
                continue;
            }
            pid.ports().values().forEach(ports::reserve);
            OutputTail output = OutputTail.ofAdoptedProcess("replica-" + pid.key(), directory,
                    line -> fireOutput(pid.key(), line), clock, settings.outputFileMaxSize().toBytes());
            TrackedProcess process = new TrackedProcess(pid.key(), pid.chainType(), alive.get(), null, pid.ports(),
                    directory, pid.startedAt(), output, ReplicaState.RUNNING);
            output.start(outputPolling, settings.outputPollInterval());
            tracked.put(pid.key(), process);
            alive.get().onExit().thenRun(() -> onProcessExit(process));
            log.info("replica {}: re-adopted pid {}", pid.key(), pid.pid());
            adopted.add(process.snapshot());
        }
        return adopted;
    }

    @Override
    public boolean keepsReplicasOnShutdown() {
        return settings.keepReplicasOnShutdown();
    }

    /**
     * Forgets every replica without stopping it: their pid files stay, and how far their output was read, so that a
     * later spawner adopts them and follows their output on.
     */
    @Override
    public void release() {
        released = true;
        List<ReplicaKey> keys = List.copyOf(tracked.keySet());
        for (ReplicaKey key : keys) {
            TrackedProcess process = tracked.remove(key);
            if (process != null) {
                process.output().release();
            }
        }
        outputPolling.shutdownNow();
        log.info("left {} replicas running for the next spawner", keys.size());
    }

    @Override
    public void close() {
        ParallelStop.all(tracked.keySet(), this::stop);
        outputPolling.shutdownNow();
    }

    private Map<PortRole, Integer> allocate(ReplicaSpec spec) {
        if (!spec.ports().isEmpty()) {
            spec.ports().values().forEach(ports::reserve);
            return spec.ports();
        }
        return reservePorts(spec.portRoles());
    }

    private Path directoryOf(ReplicaKey key) {
        return settings.dataDirectory().toAbsolutePath().resolve(key.projectId()).resolve(key.replicaId());
    }

    private List<Path> replicaDirectories() {
        Path root = settings.dataDirectory().toAbsolutePath();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (var projects = Files.list(root)) {
            List<Path> directories = new ArrayList<>();
            for (Path project : projects.filter(Files::isDirectory).toList()) {
                try (var replicas = Files.list(project)) {
                    replicas.filter(Files::isDirectory).forEach(directories::add);
                }
            }
            return directories;
        } catch (IOException e) {
            throw new ReplicaRuntimeException(Reason.IO_FAILURE, "cannot list " + root, null, e);
        }
    }

    private void onProcessExit(TrackedProcess process) {
        if (released) {
            // Another spawner owns the replica now; its pid file is that spawner's business.
            return;
        }
        process.output().stop();
        boolean crashed = process.markExited();
        // A restart may already have written the pid file of the next process.
        PidFile.readFrom(process.dataDirectory()).filter(file -> file.pid() == process.handle().pid())
                .ifPresent(file -> PidFile.deleteIn(process.dataDirectory()));
        if (crashed) {
            log.warn("replica {} (pid {}) exited with {}", process.key(), process.handle().pid(), process.exitCode());
            listeners.forEach(listener -> listener.onExit(process.key(), process.exitCode()));
        }
    }

    private void fireOutput(ReplicaKey key, OutputLine line) {
        listeners.forEach(listener -> listener.onOutput(key, line));
    }
}
