package io.chainmonitor.spawner.deployment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.chainmonitor.events.project.ReplicaLifecycle.State;
import io.chainmonitor.spawner.binary.DeployableBinaries;
import io.chainmonitor.spawner.project.Project;
import io.chainmonitor.spawner.project.ProjectChanged;
import io.chainmonitor.spawner.project.ProjectService;
import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaRuntime;
import io.chainmonitor.spawner.runtime.ReplicaRuntimes;
import io.chainmonitor.spawner.runtime.ReplicaSpec;
import io.chainmonitor.spawner.supervision.ReplicaJournal;
import io.chainmonitor.spawner.supervision.ReplicaSupervisor;

/**
 * Rolls a running deployment over to its project's new binary or replica settings, one replica at a time: a new
 * replica is started and must become ready before the one it replaces is stopped. A new replica that does not come
 * up stops the rollout; the replicas still running stay, and the deployment shows the failure. Rollouts of one
 * project run one after the other; each works out afresh what is left to change.
 */
@Component
class Rollouts {

    private static final Logger log = LoggerFactory.getLogger(Rollouts.class);
    // Beyond the node's own readiness timeout: the supervisor may be waiting for a free worker.
    private static final Duration READY_MARGIN = Duration.ofSeconds(30);

    private final Deployments deployments;
    private final ProjectService projects;
    private final DeployableBinaries binaries;
    private final ReplicaRuntimes runtimes;
    private final ReplicaSupervisor supervisor;
    private final DeploymentRepository repository;
    private final DeploymentJournal journal;
    private final Map<UUID, ReentrantLock> running = new ConcurrentHashMap<>();

    Rollouts(Deployments deployments, ProjectService projects, DeployableBinaries binaries, ReplicaRuntimes runtimes,
            ReplicaSupervisor supervisor, DeploymentRepository repository, DeploymentJournal journal) {
        this.deployments = deployments;
        this.projects = projects;
        this.binaries = binaries;
        this.runtimes = runtimes;
        this.supervisor = supervisor;
        this.repository = repository;
        this.journal = journal;
    }

    @TransactionalEventListener
    void onProjectChanged(ProjectChanged changed) {
        if (deployments.live(changed.projectId()).isPresent()) {
            Thread.ofVirtual().name("rollout-" + changed.projectId()).start(() -> roll(changed.projectId()));
        }
    }

    /** Brings the project's deployment to its current binary and settings; nothing when it is not deployed. */
    void roll(UUID id) {
        ReentrantLock lock = running.computeIfAbsent(id, key -> new ReentrantLock());
        lock.lock();
        try {
            LiveDeployment live = deployments.live(id).orElse(null);
            Project project = projects.find(id).orElse(null);
            if (live == null || project == null) {
                return;
            }
            RolloutPlan plan = RolloutPlan.of(live, project.binarySha256(), project.replicas());
            if (plan.isEmpty()) {
                return;
            }
            Path executable;
            try {
                executable = binaries.executableOf(project);
            } catch (RuntimeException e) {
                live.rollout(new LiveDeployment.Rollout("failed", e.getMessage()));
                return;
            }
            live.rollout(new LiveDeployment.Rollout("rolling", plan.describe()));
            log.info("project {}: rollout to {}: {}", id, project.binarySha256(), plan.describe());
            String failure = apply(live, plan, project, executable);
            if (failure == null) {
                live.target(project.binarySha256(), project.replicas());
                repository.updateTarget(id, project.binarySha256(), project.replicas());
                live.rollout(new LiveDeployment.Rollout("done", plan.describe()));
                log.info("project {}: rollout done", id);
            } else {
                live.rollout(new LiveDeployment.Rollout("failed", failure));
                log.warn("project {}: rollout stopped: {}", id, failure);
            }
        } catch (RuntimeException e) {
            log.error("project {}: rollout failed", id, e);
            deployments.live(id).ifPresent(live -> live.rollout(new LiveDeployment.Rollout("failed", e.toString())));
        } finally {
            lock.unlock();
        }
    }

    /** Carries the plan out; the reason it stopped, or null when every step was done. */
    private String apply(LiveDeployment live, RolloutPlan plan, Project project, Path executable) {
        for (RolloutPlan.Replacement step : plan.replacements()) {
            String failure = startNew(live, step.location(), project, executable);
            if (failure != null) {
                return failure;
            }
            if (step.old() != null) {
                stopOld(live, step.old());
            }
        }
        plan.removals().forEach(old -> stopOld(live, old));
        return null;
    }

    private String startNew(LiveDeployment live, String location, Project project, Path executable) {
        ReplicaSpec spec;
        Future<ReplicaJournal.Change> outcome;
        synchronized (deployments.lockOf(live.projectId())) {
            if (deployments.live(live.projectId()).orElse(null) != live) {
                return "the deployment was removed during the rollout";
            }
            ReplicaRuntime runtime = runtimes.forLocation(location);
            String replicaId = ReplicaPlanner.replicaId(live.nextNumber());
            Map<PortRole, Integer> ports = runtime.reservePorts(ReplicaPlanner.roles(live.chain().node()));
            ReplicaPlanner.Slot slot = new ReplicaPlanner.Slot(new ReplicaKey(live.projectId().toString(), replicaId),
                    location, ports);
            List<ReplicaPlanner.Slot> all = new ArrayList<>(live.replicas().stream()
                    .map(replica -> new ReplicaPlanner.Slot(replica.spec().key(), replica.spec().location(),
                            replica.spec().ports()))
                    .toList());
            all.add(slot);
            spec = ReplicaPlanner.spec(live.chain(), project.replicas().extraArgs(), executable,
                    deployments.credentials(), slot, ReplicaPlanner.peersOf(slot, all));
            repository.insertReplica(live.projectId(), deployments.row(spec, project.binarySha256()));
            live.add(new LiveDeployment.Replica(spec, project.binarySha256(), project.replicas().extraArgs()));
            outcome = journal.outcomeOf(spec.key());
            supervisor.supervise(spec);
        }
        String failure = awaitReady(spec, outcome);
        if (failure != null) {
            journal.forget(spec.key());
            stopOld(live, live.replica(spec.key().replicaId()).orElseThrow());
        }
        return failure;
    }

    private static String awaitReady(ReplicaSpec spec, Future<ReplicaJournal.Change> outcome) {
        Duration atMost = (spec.readiness() == null ? Duration.ZERO : spec.readiness().timeout()).plus(READY_MARGIN);
        try {
            ReplicaJournal.Change change = outcome.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
            if (change.state() == State.RUNNING) {
                return null;
            }
            // The supervisor's reason ends with what it would do next (a restart), which the rollout does not.
            String reason = change.reason() == null ? "" : change.reason().split("; restart in ")[0];
            return "new replica " + spec.key().replicaId() + " did not come up (exit code " + change.exitCode() + "): "
                    + reason;
        } catch (TimeoutException e) {
            return "new replica " + spec.key().replicaId() + " was not ready within " + atMost;
        } catch (ExecutionException e) {
            return "new replica " + spec.key().replicaId() + ": " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void stopOld(LiveDeployment live, LiveDeployment.Replica old) {
        supervisor.stop(old.spec().key());
        synchronized (deployments.lockOf(live.projectId())) {
            live.remove(old.id());
            repository.deleteReplica(live.projectId(), old.id());
        }
    }
}
