package io.chainmonitor.spawner.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

import io.chainmonitor.events.project.ReplicaLifecycle.State;
import io.chainmonitor.rules.chain.ChainType;
import io.chainmonitor.spawner.SpawnerException;
import io.chainmonitor.spawner.SpawnerException.Reason;
import io.chainmonitor.spawner.binary.DeployableBinaries;
import io.chainmonitor.spawner.project.Caller;
import io.chainmonitor.spawner.project.ChainTypes;
import io.chainmonitor.spawner.project.Project;
import io.chainmonitor.spawner.project.ProjectDeleted;
import io.chainmonitor.spawner.project.ProjectService;
import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaRuntime;
import io.chainmonitor.spawner.runtime.ReplicaRuntimes;
import io.chainmonitor.spawner.runtime.ReplicaSpec;
import io.chainmonitor.spawner.runtime.ReplicaState;
import io.chainmonitor.spawner.runtime.RunningReplica;
import io.chainmonitor.spawner.supervision.ReplicaSupervisor;
import io.chainmonitor.support.security.NodeRpcCredentials;

/**
 * Projects' deployments: their replicas, built from the project and its binary, kept in the database and handed to
 * the supervisor. One deployment per project at a time. When the spawner starts it takes its deployments back:
 * replicas still running are re-adopted and supervised again, the ones that are gone are started, and any replica
 * process no deployment wants is stopped.
 */
@Service
class Deployments {

    private static final Logger log = LoggerFactory.getLogger(Deployments.class);
    /** When, among the listeners of the application's start, the deployments are taken back. */
    static final int RESUME_ORDER = 0;

    private final ProjectService projects;
    private final ChainTypes chainTypes;
    private final DeployableBinaries binaries;
    private final ReplicaRuntimes runtimes;
    private final ReplicaSupervisor supervisor;
    private final NodeRpcCredentials credentials;
    private final DeploymentRepository repository;
    private final Map<UUID, LiveDeployment> deployed = new ConcurrentHashMap<>();
    private final Map<UUID, Object> locks = new ConcurrentHashMap<>();

    Deployments(ProjectService projects, ChainTypes chainTypes, DeployableBinaries binaries, ReplicaRuntimes runtimes,
            ReplicaSupervisor supervisor, ObjectProvider<NodeRpcCredentials> credentials,
            DeploymentRepository repository) {
        this.projects = projects;
        this.chainTypes = chainTypes;
        this.binaries = binaries;
        this.runtimes = runtimes;
        this.supervisor = supervisor;
        this.repository = repository;
        this.credentials = credentials.getIfAvailable(() -> {
            throw new IllegalStateException("chain-monitor.security.node-rpc-secret is not set: the spawner derives "
                    + "every replica's RPC credentials from it, and the chain watcher and wire listener need the same "
                    + "value (standalone keeps one in data/secrets/node-rpc.key)");
        });
    }

    /** Builds the project's replicas, stores them and starts supervising them; 409 when it is already deployed. */
    DeploymentView deploy(Caller caller, UUID id) {
        Project project = projects.get(caller, id);
        Path executable = binaries.executableOf(project);
        ChainType chain = chainOf(project.chainType());
        synchronized (lockOf(id)) {
            if (deployed.containsKey(id)) {
                throw alreadyDeployed(id);
            }
            List<Map.Entry<String, Map<PortRole, Integer>>> reserved = new ArrayList<>();
            LiveDeployment live = new LiveDeployment(id, chain, project.binarySha256(), project.replicas());
            try {
                List<ReplicaSpec> specs = ReplicaPlanner.plan(id.toString(), chain, project.replicas(), executable,
                        credentials, (replicaId, location, roles) -> {
                            Map<PortRole, Integer> ports = runtimes.forLocation(location).reservePorts(roles);
                            reserved.add(Map.entry(location, ports));
                            return ports;
                        });
                repository.insert(new StoredDeployment(id, chain.id(), project.binarySha256(), project.replicas(),
                        Project.now(), LiveDeployment.Rollout.NONE, specs.stream()
                                .map(spec -> row(spec, project.binarySha256(), project.replicas().extraArgs()))
                                .toList()));
                specs.forEach(spec -> live.add(
                        new LiveDeployment.Replica(spec, project.binarySha256(), project.replicas().extraArgs())));
            } catch (DuplicateKeyException e) {
                release(reserved);
                throw alreadyDeployed(id);
            } catch (RuntimeException e) {
                release(reserved);
                throw e;
            }
            deployed.put(id, live);
            live.replicas().forEach(replica -> supervisor.supervise(replica.spec()));
            log.info("project {}: deployed {} replicas of {}", id, live.replicas().size(), chain.id());
            return view(live);
        }
    }

    /** The deployment's replicas as they are now; 404 when the project is not deployed. */
    DeploymentView current(Caller caller, UUID id) {
        projects.get(caller, id);
        LiveDeployment live = deployed.get(id);
        if (live == null) {
            throw notDeployed(id);
        }
        return view(live);
    }

    /** Stops every replica of the project and forgets the deployment; 404 when it is not deployed. */
    void undeploy(Caller caller, UUID id) {
        projects.get(caller, id);
        if (!stopAll(id)) {
            throw notDeployed(id);
        }
    }

    @TransactionalEventListener
    void onProjectDeleted(ProjectDeleted deleted) {
        stopAll(deleted.projectId());
    }

    NodeRpcCredentials credentials() {
        return credentials;
    }

    /** The running deployment of a project, for a rollout. */
    Optional<LiveDeployment> live(UUID id) {
        return Optional.ofNullable(deployed.get(id));
    }

    /** Every deployment this spawner runs. */
    List<LiveDeployment> all() {
        return List.copyOf(deployed.values());
    }

    /** The lock that orders the changes of one project's deployment (deploy, rollout, undeploy). */
    Object lockOf(UUID id) {
        return locks.computeIfAbsent(id, key -> new Object());
    }

    /** Takes back the stored deployments once the spawner is up, and stops the replica processes nobody wants. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(RESUME_ORDER)
    void resume() {
        for (StoredDeployment stored : repository.findAll()) {
            try {
                resume(stored);
            } catch (RuntimeException e) {
                log.error("project {}: cannot take its deployment back: {}", stored.projectId(), e.getMessage(), e);
            }
        }
        stopUnwanted();
    }

    private void resume(StoredDeployment stored) {
        ChainType chain = chainOf(stored.chainType());
        LiveDeployment live = new LiveDeployment(stored.projectId(), chain, stored.binarySha256(), stored.settings());
        List<ReplicaPlanner.Slot> slots = stored.replicas().stream().map(replica -> new ReplicaPlanner.Slot(
                new ReplicaKey(stored.projectId().toString(), replica.replicaId()), replica.location(),
                replica.ports())).toList();
        Map<String, StoredDeployment.Replica> rows = stored.replicas().stream()
                .collect(Collectors.toMap(StoredDeployment.Replica::replicaId, Function.identity()));
        synchronized (lockOf(stored.projectId())) {
            for (ReplicaPlanner.Slot slot : slots) {
                StoredDeployment.Replica row = rows.get(slot.key().replicaId());
                Path executable = binaries.executableOf(stored.projectId(), row.binarySha256());
                ReplicaSpec spec = ReplicaPlanner.spec(chain, row.extraArgs(), stored.settings().network(),
                        executable, credentials, slot, ReplicaPlanner.peersOf(slot, slots));
                live.add(new LiveDeployment.Replica(spec, row.binarySha256(), row.extraArgs()));
            }
            live.rollout(stored.rollout());
            deployed.put(stored.projectId(), live);
            for (LiveDeployment.Replica replica : live.replicas()) {
                StoredDeployment.Replica row = rows.get(replica.id());
                ReplicaRuntime runtime = runtimes.forLocation(replica.spec().location());
                boolean running = runtime.status(replica.spec().key())
                        .filter(status -> status.state() == ReplicaState.RUNNING).isPresent();
                if (running) {
                    supervisor.adopt(replica.spec(), row.restarts(), row.crashLoopSince());
                } else if (State.FAILED.name().equals(row.state())) {
                    // The supervisor gave up on it before the restart; it stays failed until redeployed.
                    log.info("replica {} stays failed after its crash loop", replica.spec().key());
                } else {
                    supervisor.supervise(replica.spec(), row.restarts(), row.crashLoopSince());
                }
            }
        }
        log.info("project {}: took back a deployment of {} replicas", stored.projectId(), live.replicas().size());
    }

    private void stopUnwanted() {
        for (ReplicaRuntime runtime : runtimes.all()) {
            for (RunningReplica replica : runtime.replicas()) {
                if (!wanted(replica.key())) {
                    log.info("replica {} (pid {}) belongs to no deployment: stopping it", replica.key(),
                            replica.pid());
                    runtime.stop(replica.key());
                }
            }
        }
    }

    private boolean wanted(ReplicaKey key) {
        return deployed.values().stream().anyMatch(live -> live.projectId().toString().equals(key.projectId())
                && live.replica(key.replicaId()).isPresent());
    }

    private boolean stopAll(UUID id) {
        LiveDeployment live;
        synchronized (lockOf(id)) {
            live = deployed.remove(id);
            boolean stored = repository.delete(id);
            if (live == null) {
                return stored;
            }
        }
        stop(live.replicas().stream().map(replica -> replica.spec().key()).toList());
        log.info("project {}: stopped {} replicas", id, live.replicas().size());
        return true;
    }

    /** Stops replicas in parallel: a node may take its whole stop grace period to go. */
    void stop(List<ReplicaKey> keys) {
        CompletableFuture.allOf(keys.stream()
                .map(key -> CompletableFuture.runAsync(() -> supervisor.stop(key), Thread.ofVirtual()::start))
                .toArray(CompletableFuture[]::new)).join();
    }

    private DeploymentView view(LiveDeployment live) {
        Map<String, StoredDeployment.Replica> rows = repository.find(live.projectId())
                .map(stored -> stored.replicas().stream()
                        .collect(Collectors.toMap(StoredDeployment.Replica::replicaId, Function.identity())))
                .orElse(Map.of());
        Set<ReplicaKey> supervised = Set.copyOf(supervisor.supervised());
        return DeploymentView.of(live, replica -> DeploymentView.Replica.of(replica,
                supervisor.status(replica.spec().key()), supervised.contains(replica.spec().key()),
                supervisor.restarts(replica.spec().key()).orElse(restartsOf(rows.get(replica.id()))),
                rows.get(replica.id())));
    }

    private static int restartsOf(StoredDeployment.Replica row) {
        return row == null ? 0 : row.restarts();
    }

    /** A new replica's row, before it starts. */
    StoredDeployment.Replica row(ReplicaSpec spec, String binarySha256, List<String> extraArgs) {
        return new StoredDeployment.Replica(spec.key().replicaId(), spec.location(),
                runtimes.forLocation(spec.location()).kind().wireName(), binarySha256, extraArgs, spec.ports(),
                State.STARTING.name(), null, 0, null, "start requested", null);
    }

    private void release(List<Map.Entry<String, Map<PortRole, Integer>>> reserved) {
        reserved.forEach(ports -> runtimes.forLocation(ports.getKey()).releasePorts(ports.getValue()));
    }

    private ChainType chainOf(String chainType) {
        return chainTypes.definition(chainType).orElseThrow(() -> new SpawnerException(Reason.UNKNOWN_CHAIN_TYPE,
                "chain type " + chainType + " is no longer in the catalog"));
    }

    private static SpawnerException alreadyDeployed(UUID id) {
        return new SpawnerException(Reason.ALREADY_DEPLOYED,
                "project " + id + " is already deployed; DELETE its deployment first");
    }

    static SpawnerException notDeployed(UUID id) {
        return new SpawnerException(Reason.DEPLOYMENT_NOT_FOUND, "project " + id + " is not deployed");
    }
}
