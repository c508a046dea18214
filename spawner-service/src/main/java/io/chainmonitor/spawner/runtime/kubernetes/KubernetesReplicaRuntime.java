package io.chainmonitor.spawner.runtime.kubernetes;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainmonitor.spawner.SpawnerProperties;
import io.chainmonitor.spawner.SpawnerProperties.KubernetesData;
import io.chainmonitor.spawner.runtime.ParallelStop;
import io.chainmonitor.spawner.runtime.PortAllocator;
import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaLabels;
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
 * Runs replicas as pods in one namespace of the cluster, each location a zone or region the pod is required onto.
 * Readiness is the kubelet's (the catalog's probe, run in the pod); exits are seen through an informer on the pods
 * labelled as this spawner's; pods an earlier spawner left are re-adopted or deleted ({@link #adoptLeftovers()}).
 */
public final class KubernetesReplicaRuntime implements ReplicaRuntime {

    private static final Logger log = LoggerFactory.getLogger(KubernetesReplicaRuntime.class);

    private final KubernetesClient client;
    private final SpawnerProperties.Runtime runtime;
    private final SpawnerProperties.Kubernetes settings;
    private final Map<String, Placement> placements;
    private final BinaryGrants grants;
    private final Clock clock;
    private final PortAllocator ports = new PortAllocator();
    private final Map<ReplicaKey, TrackedPod> tracked = new ConcurrentHashMap<>();
    private final List<ReplicaListener> listeners = new CopyOnWriteArrayList<>();
    private SharedIndexInformer<Pod> informer;
    private volatile boolean released;

    /** A runtime for the given kubernetes locations (name → {@code zone=…} or {@code region=…}). */
    public KubernetesReplicaRuntime(KubernetesClient client, SpawnerProperties.Runtime runtime,
            SpawnerProperties.Kubernetes settings, Map<String, String> locations, BinaryGrants grants, Clock clock) {
        this.client = client;
        this.runtime = runtime;
        this.settings = settings;
        this.grants = grants;
        this.clock = clock;
        Map<String, Placement> byLocation = new HashMap<>();
        locations.forEach((name, target) -> byLocation.put(name, Placement.parse(target)));
        this.placements = Map.copyOf(byLocation);
    }

    @Override
    public RuntimeKind kind() {
        return RuntimeKind.KUBERNETES;
    }

    @Override
    public boolean serves(String location) {
        return location != null && placements.containsKey(location);
    }

    @Override
    public RunningReplica start(ReplicaSpec spec) {
        Placement placement = placements.get(spec.location());
        if (placement == null) {
            throw new ReplicaRuntimeException(Reason.UNKNOWN_LOCATION, "no kubernetes location '" + spec.location()
                    + "'");
        }
        watch();
        String sha256 = grants.register(spec.executable());
        String binaryUrl = settings.binaryBaseUrl().toString().replaceAll("/+$", "") + ReplicaBinaryController.PATH
                + "/" + sha256 + "?token=" + grants.issue(sha256);
        ReplicaKey key = spec.key();
        String name = PodManifest.nameOf(key);
        TrackedPod pod;
        synchronized (this) {
            TrackedPod previous = tracked.get(key);
            if (previous != null && previous.isLive()) {
                throw new ReplicaRuntimeException(Reason.ALREADY_RUNNING, "replica " + key + " is already running");
            }
            Map<PortRole, Integer> assigned = previous != null ? previous.ports() : allocate(spec);
            try {
                if (previous != null) {
                    // The new pod has the same name: the old one must be gone, not just terminating.
                    deletePod(name, 0);
                    KubernetesFailures.call("wait for the deletion of pod " + name,
                            () -> client.pods().inNamespace(settings.namespace()).withName(name)
                                    .waitUntilCondition(Objects::isNull, settings.startTimeout().toMillis(),
                                            TimeUnit.MILLISECONDS));
                }
                if (settings.data() == KubernetesData.PERSISTENT_VOLUME_CLAIM) {
                    var claim = PodManifest.claim(spec, settings.namespace(), settings);
                    KubernetesFailures.run("create claim " + name, () -> {
                        if (client.persistentVolumeClaims().inNamespace(settings.namespace()).withName(name)
                                .get() == null) {
                            client.persistentVolumeClaims().inNamespace(settings.namespace()).resource(claim).create();
                        }
                    });
                }
                var service = PodManifest.service(spec, assigned, settings.namespace());
                KubernetesFailures.run("create service " + name, () -> client.services()
                        .inNamespace(settings.namespace()).resource(service).createOr(existing -> existing.update()));
                Pod manifest = PodManifest.pod(spec, assigned, placement, settings.namespace(), binaryUrl, sha256,
                        settings, Math.max(1, runtime.stopGracePeriod().toSeconds()));
                pod = new TrackedPod(key, spec.chainType(), name, assigned, clock.instant(), false, hostOf(name),
                        ReplicaState.STARTING);
                tracked.put(key, pod);
                Pod created = KubernetesFailures.call("create pod " + name,
                        () -> client.pods().inNamespace(settings.namespace()).resource(manifest).create());
                pod.uid(created.getMetadata().getUid());
            } catch (RuntimeException e) {
                tracked.remove(key);
                if (previous == null) {
                    assigned.values().forEach(ports::release);
                }
                throw e;
            }
        }
        awaitReady(spec, pod);
        if (!pod.markRunning()) {
            throw new ReplicaRuntimeException(Reason.EXITED_BEFORE_READY, "replica " + key + " (pod " + name
                    + ") ended before it was ready", pod.exitCode(), null);
        }
        log.info("replica {} runs as pod {}/{} with ports {}", key, settings.namespace(), name, pod.ports());
        followLogs(pod, null);
        return pod.snapshot();
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
        TrackedPod pod = tracked.remove(key);
        if (pod == null) {
            return;
        }
        pod.requestStop();
        try {
            deletePod(pod.name(), Math.max(1, runtime.stopGracePeriod().toSeconds()));
            KubernetesFailures.run("delete service " + pod.name(),
                    () -> client.services().inNamespace(settings.namespace()).withName(pod.name()).delete());
        } finally {
            pod.markExited(null);
            pod.ports().values().forEach(ports::release);
        }
        log.info("replica {} stopped", key);
    }

    @Override
    public void kill(ReplicaKey key) {
        TrackedPod pod = tracked.get(key);
        if (pod == null) {
            throw new ReplicaRuntimeException(Reason.UNKNOWN_REPLICA, "no replica " + key);
        }
        deletePod(pod.name(), 0);
    }

    @Override
    public Optional<RunningReplica> status(ReplicaKey key) {
        return Optional.ofNullable(tracked.get(key)).map(TrackedPod::snapshot);
    }

    @Override
    public List<RunningReplica> replicas() {
        return tracked.values().stream().map(TrackedPod::snapshot).toList();
    }

    /** The pod's usage from the metrics API (metrics-server); empty where the cluster has none. */
    @Override
    public Optional<ResourceUsage> usage(ReplicaKey key) {
        TrackedPod pod = tracked.get(key);
        if (pod == null || !pod.isLive()) {
            return Optional.empty();
        }
        return PodUsage.read(client, settings.namespace(), pod.name());
    }

    @Override
    public void addListener(ReplicaListener listener) {
        listeners.add(listener);
    }

    /**
     * Lists the pods labelled as this spawner's in the namespace: a ready one of a known location is tracked again
     * when {@code runtime.adopt-leftovers} allows; every other one is deleted with its service, so that nothing runs
     * unsupervised. Services left without a pod are deleted too. An unreachable API server is a warning.
     */
    public List<RunningReplica> adoptLeftovers() {
        if (placements.isEmpty()) {
            return List.of();
        }
        List<RunningReplica> adopted = new ArrayList<>();
        try {
            List<Pod> pods = KubernetesFailures.call("list pods labelled " + ReplicaLabels.MANAGED_BY,
                    () -> client.pods().inNamespace(settings.namespace())
                            .withLabel(ReplicaLabels.MANAGED_BY, ReplicaLabels.SPAWNER).list().getItems());
            for (Pod pod : pods) {
                adopt(pod).ifPresent(adopted::add);
            }
            KubernetesFailures.call("list services labelled " + ReplicaLabels.MANAGED_BY,
                    () -> client.services().inNamespace(settings.namespace())
                            .withLabel(ReplicaLabels.MANAGED_BY, ReplicaLabels.SPAWNER).list().getItems())
                    .stream().map(service -> service.getMetadata().getName())
                    .filter(name -> tracked.values().stream().noneMatch(pod -> pod.name().equals(name)))
                    .forEach(name -> KubernetesFailures.run("delete service " + name,
                            () -> client.services().inNamespace(settings.namespace()).withName(name).delete()));
            watch();
        } catch (ReplicaRuntimeException e) {
            log.warn("cannot look for leftover replicas: {}", e.getMessage());
        }
        return adopted;
    }

    @Override
    public boolean keepsReplicasOnShutdown() {
        return runtime.keepReplicasOnShutdown();
    }

    /** Forgets every pod without deleting it and stops watching; the pods keep running. */
    @Override
    public void release() {
        // Set first: the informer and log streams ending must not read as pods ending.
        released = true;
        int count = tracked.size();
        tracked.clear();
        synchronized (this) {
            if (informer != null) {
                informer.close();
            }
        }
        if (client != null) {
            client.close();
        }
        log.info("left {} pods running for the next spawner", count);
    }

    @Override
    public void close() {
        ParallelStop.all(tracked.keySet(), this::stop);
        synchronized (this) {
            if (informer != null) {
                informer.close();
            }
        }
        if (client != null) {
            client.close();
        }
    }

    private Optional<RunningReplica> adopt(Pod pod) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        ReplicaKey key = ReplicaLabels.keyOf(labels).orElse(null);
        String name = pod.getMetadata().getName();
        boolean adoptable = runtime.adoptLeftovers() && key != null && PodStatus.ready(pod)
                && !PodStatus.ended(pod) && placements.containsKey(labels.get(ReplicaLabels.LOCATION))
                && !tracked.containsKey(key) && name.equals(PodManifest.nameOf(key));
        if (!adoptable) {
            log.info("deleting leftover pod {}/{}", settings.namespace(), name);
            deletePod(name, 0);
            KubernetesFailures.run("delete service " + name,
                    () -> client.services().inNamespace(settings.namespace()).withName(name).delete());
            return Optional.empty();
        }
        Map<PortRole, Integer> found = ReplicaLabels.ports(
                pod.getMetadata().getAnnotations() == null
                        ? null
                        : pod.getMetadata().getAnnotations().get(ReplicaLabels.PORTS));
        found.values().forEach(ports::reserve);
        TrackedPod adopted = new TrackedPod(key, labels.getOrDefault(ReplicaLabels.CHAIN_TYPE, "unknown"), name,
                found, clock.instant(), true, hostOf(name), ReplicaState.RUNNING);
        adopted.uid(pod.getMetadata().getUid());
        tracked.put(key, adopted);
        followLogs(adopted, clock.instant());
        log.info("replica {}: re-adopted pod {}/{}", key, settings.namespace(), name);
        return Optional.of(adopted.snapshot());
    }

    private void awaitReady(ReplicaSpec spec, TrackedPod pod) {
        try {
            PodReadiness.await(client, settings.namespace(), settings.startTimeout(), spec.key(), pod);
        } catch (ReplicaRuntimeException e) {
            if (e.reason() == Reason.NOT_READY_IN_TIME) {
                pod.requestStop();
                tracked.remove(spec.key());
                pod.ports().values().forEach(ports::release);
                deletePod(pod.name(), 0);
            }
            throw e;
        }
    }

    private void followLogs(TrackedPod pod, Instant since) {
        PodLogs.follow(client, settings.namespace(), pod, since, clock,
                line -> listeners.forEach(listener -> listener.onOutput(pod.key(), line)));
    }

    /** Starts the informer that reports pods ending or vanishing, once. */
    private synchronized void watch() {
        if (informer != null) {
            return;
        }
        informer = client.pods().inNamespace(settings.namespace())
                .withLabel(ReplicaLabels.MANAGED_BY, ReplicaLabels.SPAWNER)
                .inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(Pod pod) {
                        onPod(pod, false);
                    }

                    @Override
                    public void onUpdate(Pod old, Pod pod) {
                        onPod(pod, false);
                    }

                    @Override
                    public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
                        onPod(pod, true);
                    }
                }, 0);
    }

    private void onPod(Pod pod, boolean deleted) {
        TrackedPod known = tracked.values().stream()
                .filter(candidate -> candidate.name().equals(pod.getMetadata().getName())
                        && Objects.equals(candidate.uid(), pod.getMetadata().getUid()))
                .findFirst().orElse(null);
        if (released || known == null || !(deleted || PodStatus.ended(pod))) {
            return;
        }
        Integer exitCode = PodStatus.exitCode(pod).orElse(null);
        if (known.markExited(exitCode)) {
            log.warn("replica {} (pod {}) {} with {}", known.key(), known.name(), deleted ? "was deleted" : "ended",
                    exitCode);
            listeners.forEach(listener -> listener.onExit(known.key(), exitCode));
        }
    }

    private void deletePod(String name, long graceSeconds) {
        KubernetesFailures.run("delete pod " + name, () -> client.pods().inNamespace(settings.namespace())
                .withName(name).withGracePeriod(graceSeconds).delete());
    }

    private Map<PortRole, Integer> allocate(ReplicaSpec spec) {
        if (!spec.ports().isEmpty()) {
            spec.ports().values().forEach(ports::reserve);
            return spec.ports();
        }
        return reservePorts(spec.portRoles());
    }

    private String hostOf(String name) {
        return name + "." + settings.namespace() + ".svc";
    }
}
