package io.chainmonitor.spawner.runtime.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.dockerjava.api.command.InspectContainerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainmonitor.spawner.SpawnerProperties;
import io.chainmonitor.spawner.runtime.OutputLine;
import io.chainmonitor.spawner.runtime.ParallelStop;
import io.chainmonitor.spawner.runtime.PortAllocator;
import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReadinessProber;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaListener;
import io.chainmonitor.spawner.runtime.ReplicaRuntime;
import io.chainmonitor.spawner.runtime.ReplicaRuntimeException;
import io.chainmonitor.spawner.runtime.ReplicaRuntimeException.Reason;
import io.chainmonitor.spawner.runtime.ReplicaSpec;
import io.chainmonitor.spawner.runtime.ReplicaState;
import io.chainmonitor.spawner.runtime.ResourceUsage;
import io.chainmonitor.spawner.runtime.RunningReplica;
import io.chainmonitor.spawner.runtime.RuntimeKind;

/**
 * Runs replicas as containers on the Docker hosts of the {@code docker} locations, one engine per location. Docker
 * never restarts them (the supervisor does); their output is followed into the same {@link OutputLine}s as a
 * process's; containers an earlier spawner left are found by label and re-adopted or removed
 * ({@link #adoptLeftovers()}).
 */
public final class DockerReplicaRuntime implements ReplicaRuntime {

    private static final Logger log = LoggerFactory.getLogger(DockerReplicaRuntime.class);

    private final SpawnerProperties.Runtime runtime;
    private final SpawnerProperties.Docker settings;
    private final Map<String, DockerEngine> engines;
    private final Clock clock;
    private final PortAllocator ports = new PortAllocator();
    private final ContainerReadiness readiness;
    private final Map<ReplicaKey, TrackedContainer> tracked = new ConcurrentHashMap<>();
    private final List<ReplicaListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean released;

    /** A runtime for the given docker locations (name → Docker host URL). */
    public DockerReplicaRuntime(SpawnerProperties.Runtime runtime, SpawnerProperties.Docker settings,
            Map<String, String> locations, Clock clock) {
        this.runtime = runtime;
        this.settings = settings;
        this.clock = clock;
        Map<String, DockerEngine> byLocation = new ConcurrentHashMap<>();
        // Stopping waits for the grace period on the engine's side: calls may take that long on top.
        Duration callTimeout = settings.apiTimeout().plus(runtime.stopGracePeriod());
        locations.forEach((name, target) -> byLocation.put(name,
                new DockerEngine(name, DockerHost.parse(target), callTimeout)));
        this.engines = Map.copyOf(byLocation);
        this.readiness = new ContainerReadiness(new ReadinessProber(Duration.ofSeconds(2)), settings.publishAddress(),
                runtime.readinessPollInterval(), clock);
    }

    @Override
    public RuntimeKind kind() {
        return RuntimeKind.DOCKER;
    }

    @Override
    public boolean serves(String location) {
        return location != null && engines.containsKey(location);
    }

    @Override
    public RunningReplica start(ReplicaSpec spec) {
        DockerEngine engine = engineFor(spec.location());
        Path binary = ContainerCalls.binaryOf(spec);
        String image = settings.imageFor(spec.chainType());
        ImagePuller.ensure(engine, image, settings.pullTimeout());
        ReplicaKey key = spec.key();
        TrackedContainer container;
        synchronized (this) {
            TrackedContainer previous = tracked.get(key);
            if (previous != null && previous.isLive()) {
                throw new ReplicaRuntimeException(Reason.ALREADY_RUNNING, "replica " + key + " is already running");
            }
            Map<PortRole, Integer> assigned = previous != null ? previous.ports() : allocate(spec);
            String id = null;
            try {
                if (previous != null) {
                    ContainerCalls.stopAndRemove(previous, runtime.stopGracePeriod());
                }
                Path directory = dataDirectoryOf(spec);
                String create = "create container " + ContainerDefinition.nameOf(key) + " from " + image;
                id = engine.call(create, client -> ContainerDefinition.define(client.createContainerCmd(image), spec,
                        assigned, binary, directory, ContainerCalls.ownerOf(directory), settings).exec().getId());
                String containerId = id;
                engine.run("start container " + id, client -> client.startContainerCmd(containerId).exec());
                container = new TrackedContainer(key, spec.chainType(), engine, id, assigned, directory,
                        clock.instant(), false, settings.publishAddress(), ReplicaState.STARTING);
                container.pid(ContainerCalls.localPid(engine, ContainerCalls.inspect(engine, id)));
                tracked.put(key, container);
            } catch (RuntimeException e) {
                if (previous == null) {
                    assigned.values().forEach(ports::release);
                }
                if (id != null) {
                    ContainerCalls.removeQuietly(engine, id);
                }
                throw e;
            }
        }
        follow(container, null);
        readiness.await(spec, container);
        if (!container.markRunning()) {
            throw ContainerReadiness.exitedBeforeReady(container);
        }
        log.info("replica {} runs in container {} on {} with ports {}", key, container.containerId(), engine.host(),
                container.ports());
        return container.snapshot();
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
        TrackedContainer container = tracked.remove(key);
        if (container == null) {
            return;
        }
        container.requestStop();
        try {
            ContainerCalls.stopAndRemove(container, runtime.stopGracePeriod());
        } finally {
            if (container.logs() != null) {
                container.logs().closeQuietly();
            }
            container.markExited(null);
            container.ports().values().forEach(ports::release);
        }
        log.info("replica {} stopped", key);
    }

    @Override
    public void kill(ReplicaKey key) {
        TrackedContainer container = tracked.get(key);
        if (container == null) {
            throw new ReplicaRuntimeException(Reason.UNKNOWN_REPLICA, "no replica " + key);
        }
        container.engine().run("kill container " + container.containerId(),
                client -> client.killContainerCmd(container.containerId()).exec());
    }

    @Override
    public Optional<RunningReplica> status(ReplicaKey key) {
        return Optional.ofNullable(tracked.get(key)).map(TrackedContainer::snapshot);
    }

    @Override
    public List<RunningReplica> replicas() {
        return tracked.values().stream().map(TrackedContainer::snapshot).toList();
    }

    @Override
    public Optional<ResourceUsage> usage(ReplicaKey key) {
        TrackedContainer container = tracked.get(key);
        if (container == null || !container.isLive()) {
            return Optional.empty();
        }
        return Optional.of(ContainerStats.read(container.engine(), container.containerId(), settings.apiTimeout()));
    }

    @Override
    public void addListener(ReplicaListener listener) {
        listeners.add(listener);
    }

    /**
     * Looks on every engine for containers labelled as this spawner's: a running one of a known location is tracked
     * again (its output followed from now on) when {@code runtime.adopt-leftovers} allows; every other one is removed,
     * so that nothing is left running unsupervised. An engine that cannot be reached is skipped with a warning.
     */
    public List<RunningReplica> adoptLeftovers() {
        List<RunningReplica> adopted = new ArrayList<>();
        for (DockerEngine engine : engines.values()) {
            try {
                for (Leftovers.Found found : Leftovers.list(engine)) {
                    adopt(engine, found).ifPresent(adopted::add);
                }
            } catch (ReplicaRuntimeException e) {
                log.warn("cannot look for leftover replicas: {}", e.getMessage());
            }
        }
        return adopted;
    }

    @Override
    public boolean keepsReplicasOnShutdown() {
        return runtime.keepReplicasOnShutdown();
    }

    /** Forgets every container without stopping it and lets go of the engines; the containers keep running. */
    @Override
    public void release() {
        // Set first: closing the engines ends the log streams, which must not read as containers ending.
        released = true;
        int count = tracked.size();
        tracked.clear();
        engines.values().forEach(DockerEngine::close);
        log.info("left {} containers running for the next spawner", count);
    }

    @Override
    public void close() {
        ParallelStop.all(tracked.keySet(), this::stop);
        engines.values().forEach(DockerEngine::close);
    }

    private Optional<RunningReplica> adopt(DockerEngine engine, Leftovers.Found found) {
        boolean adoptable = runtime.adoptLeftovers() && found.running() && found.key() != null
                && engine.location().equals(found.location()) && !tracked.containsKey(found.key());
        if (!adoptable) {
            log.info("removing leftover container {} ({})", found.containerId(), found.key());
            ContainerCalls.removeQuietly(engine, found.containerId());
            return Optional.empty();
        }
        found.ports().values().forEach(ports::reserve);
        TrackedContainer container = new TrackedContainer(found.key(), found.chainType(), engine,
                found.containerId(), found.ports(), runtime.dataDirectory().toAbsolutePath()
                        .resolve(found.key().projectId()).resolve(found.key().replicaId()),
                clock.instant(), true, settings.publishAddress(), ReplicaState.RUNNING);
        container.pid(ContainerCalls.localPid(engine, ContainerCalls.inspect(engine, found.containerId())));
        tracked.put(found.key(), container);
        follow(container, (int) clock.instant().getEpochSecond());
        log.info("replica {}: re-adopted container {}", found.key(), found.containerId());
        return Optional.of(container.snapshot());
    }

    /** Follows the container's output (from {@code sinceEpochSecond}, or from its start) until it stops. */
    private void follow(TrackedContainer container, Integer sinceEpochSecond) {
        ContainerLogs logs = new ContainerLogs(line -> fireOutput(container.key(), line), clock);
        container.follow(logs);
        logs.ended().thenRun(() -> onStreamEnded(container, logs));
        var command = container.engine().streams().logContainerCmd(container.containerId()).withStdOut(true)
                .withStdErr(true).withFollowStream(true).withTimestamps(false);
        if (sinceEpochSecond != null) {
            command.withSince(sinceEpochSecond);
        }
        try {
            command.exec(logs);
        } catch (RuntimeException e) {
            throw container.engine().failure("follow the output of " + container.containerId(), e);
        }
    }

    private void onStreamEnded(TrackedContainer container, ContainerLogs logs) {
        if (released || container.stopRequested() || container.logs() != logs) {
            return;
        }
        Integer exitCode = null;
        try {
            InspectContainerResponse.ContainerState state = ContainerCalls
                    .inspect(container.engine(), container.containerId())
                    .getState();
            if (Boolean.TRUE.equals(state.getRunning())) {
                // The stream broke, not the container: follow it again from now on.
                follow(container, (int) clock.instant().getEpochSecond());
                return;
            }
            exitCode = state.getExitCodeLong() == null ? null : state.getExitCodeLong().intValue();
        } catch (ReplicaRuntimeException e) {
            log.warn("replica {}: its container is gone or cannot be inspected: {}", container.key(), e.getMessage());
        }
        if (container.markExited(exitCode)) {
            log.warn("replica {} (container {}) exited with {}", container.key(), container.containerId(), exitCode);
            Integer code = exitCode;
            listeners.forEach(listener -> listener.onExit(container.key(), code));
        }
    }

    private DockerEngine engineFor(String location) {
        DockerEngine engine = location == null ? null : engines.get(location);
        if (engine == null) {
            throw new ReplicaRuntimeException(Reason.UNKNOWN_LOCATION, "no docker location '" + location + "'");
        }
        return engine;
    }

    private Map<PortRole, Integer> allocate(ReplicaSpec spec) {
        if (!spec.ports().isEmpty()) {
            spec.ports().values().forEach(ports::reserve);
            return spec.ports();
        }
        return reservePorts(spec.portRoles());
    }

    private Path dataDirectoryOf(ReplicaSpec spec) {
        Path directory = spec.dataDirectory() != null
                ? spec.dataDirectory()
                : runtime.dataDirectory().resolve(spec.key().projectId()).resolve(spec.key().replicaId());
        try {
            return Files.createDirectories(directory.toAbsolutePath());
        } catch (IOException e) {
            throw new ReplicaRuntimeException(Reason.IO_FAILURE, "cannot create " + directory, null, e);
        }
    }

    private void fireOutput(ReplicaKey key, OutputLine line) {
        listeners.forEach(listener -> listener.onOutput(key, line));
    }
}
