package io.chainmonitor.spawner.deployment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Component;

import io.chainmonitor.events.project.ReplicaLifecycle.State;
import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaRuntime;
import io.chainmonitor.spawner.runtime.ReplicaRuntimes;
import io.chainmonitor.spawner.runtime.ReplicaSpec;
import io.chainmonitor.spawner.supervision.ReplicaJournal;
import io.chainmonitor.spawner.supervision.ReplicaSupervisor;

/**
 * The steps a rollout is made of: a replica upgraded in place (stopped, then started again with the new binary or
 * arguments on its own id, ports and data directory, and put back on what it ran before when it does not come up), a
 * replica added (a new id, ports and data directory, peered with the replicas running), and a replica removed. Each
 * step says why it failed, or returns null.
 */
@Component
class RolloutSteps {

    // Beyond the node's own readiness timeout: the supervisor may be waiting for a free worker.
    private static final Duration READY_MARGIN = Duration.ofSeconds(30);
    private static final String REMOVED = "the deployment was removed during the rollout";

    private final Deployments deployments;
    private final ReplicaRuntimes runtimes;
    private final ReplicaSupervisor supervisor;
    private final DeploymentRepository repository;
    private final DeploymentJournal journal;

    RolloutSteps(Deployments deployments, ReplicaRuntimes runtimes, ReplicaSupervisor supervisor,
            DeploymentRepository repository, DeploymentJournal journal) {
        this.deployments = deployments;
        this.runtimes = runtimes;
        this.supervisor = supervisor;
        this.repository = repository;
        this.journal = journal;
    }

    /**
     * Replaces {@code old} by the same replica running {@code executable} with {@code extraArgs}: the node is stopped
     * first, because its data directory is its own (a running node locks it, and a copy of a live database is not
     * consistent), and the new one starts on that directory, so an upgraded node carries on from the chain it had.
     * When the new one does not come up, the old binary is started again in its place.
     */
    String upgrade(LiveDeployment live, LiveDeployment.Replica old, String binarySha256, List<String> extraArgs,
            Path executable) {
        LiveDeployment.Replica next;
        synchronized (deployments.lockOf(live.projectId())) {
            if (!isCurrent(live) || live.replica(old.id()).isEmpty()) {
                return REMOVED;
            }
            ReplicaSpec spec = ReplicaPlanner.spec(live.chain(), extraArgs, live.settings().network(), executable,
                    deployments.credentials(),
                    slotOf(old), ReplicaPlanner.peersOf(slotOf(old), slots(live)));
            next = new LiveDeployment.Replica(spec, binarySha256, extraArgs);
        }
        supervisor.stop(old.spec().key(), "replaced in place by binary " + binarySha256);
        String failure = startInPlace(live, next);
        if (failure == null) {
            return null;
        }
        String undone = startInPlace(live, old);
        return failure + (undone == null
                ? "; " + old.id() + " is back on binary " + old.binarySha256()
                : "; and " + old.id() + " did not come back on binary " + old.binarySha256() + " either: " + undone);
    }

    /** Starts a new replica in {@code location}, peered with the replicas running, and waits until it is ready. */
    String add(LiveDeployment live, String location, String binarySha256, List<String> extraArgs, Path executable) {
        ReplicaSpec spec;
        Future<ReplicaJournal.Change> outcome;
        synchronized (deployments.lockOf(live.projectId())) {
            if (!isCurrent(live)) {
                return REMOVED;
            }
            ReplicaRuntime runtime = runtimes.forLocation(location);
            String replicaId = ReplicaPlanner.replicaId(live.nextNumber());
            Map<PortRole, Integer> ports = runtime.reservePorts(ReplicaPlanner.roles(live.chain().node()));
            ReplicaPlanner.Slot slot = new ReplicaPlanner.Slot(new ReplicaKey(live.projectId().toString(), replicaId),
                    location, ports);
            List<ReplicaPlanner.Slot> all = new ArrayList<>(slots(live));
            all.add(slot);
            spec = ReplicaPlanner.spec(live.chain(), extraArgs, live.settings().network(), executable,
                    deployments.credentials(), slot,
                    ReplicaPlanner.peersOf(slot, all));
            repository.insertReplica(live.projectId(), deployments.row(spec, binarySha256, extraArgs));
            live.add(new LiveDeployment.Replica(spec, binarySha256, extraArgs));
            outcome = journal.outcomeOf(spec.key());
            supervisor.supervise(spec);
        }
        String failure = awaitReady(spec, outcome, "new replica " + spec.key().replicaId());
        if (failure != null) {
            journal.forget(spec.key());
            remove(live, live.replica(spec.key().replicaId()).orElseThrow(), "did not come up");
        }
        return failure;
    }

    /** Stops a replica and takes it out of the deployment. */
    void remove(LiveDeployment live, LiveDeployment.Replica old, String reason) {
        supervisor.stop(old.spec().key(), reason);
        synchronized (deployments.lockOf(live.projectId())) {
            live.remove(old.id());
            repository.deleteReplica(live.projectId(), old.id());
        }
    }

    private String startInPlace(LiveDeployment live, LiveDeployment.Replica replica) {
        Future<ReplicaJournal.Change> outcome;
        synchronized (deployments.lockOf(live.projectId())) {
            if (!isCurrent(live)) {
                return REMOVED;
            }
            repository.replaceReplica(live.projectId(), replica.id(), replica.binarySha256(), replica.extraArgs());
            live.replace(replica);
            outcome = journal.outcomeOf(replica.spec().key());
            supervisor.supervise(replica.spec());
        }
        String failure = awaitReady(replica.spec(), outcome,
                "replica " + replica.id() + " on binary " + replica.binarySha256());
        if (failure != null) {
            journal.forget(replica.spec().key());
            supervisor.stop(replica.spec().key(), "did not come up on binary " + replica.binarySha256());
        }
        return failure;
    }

    private boolean isCurrent(LiveDeployment live) {
        return deployments.live(live.projectId()).orElse(null) == live;
    }

    private static ReplicaPlanner.Slot slotOf(LiveDeployment.Replica replica) {
        return new ReplicaPlanner.Slot(replica.spec().key(), replica.spec().location(), replica.spec().ports());
    }

    private static List<ReplicaPlanner.Slot> slots(LiveDeployment live) {
        return live.replicas().stream().map(RolloutSteps::slotOf).toList();
    }

    private static String awaitReady(ReplicaSpec spec, Future<ReplicaJournal.Change> outcome, String replica) {
        Duration atMost = (spec.readiness() == null ? Duration.ZERO : spec.readiness().timeout()).plus(READY_MARGIN);
        try {
            ReplicaJournal.Change change = outcome.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
            if (change.state() == State.RUNNING) {
                return null;
            }
            // The supervisor's reason ends with what it would do next (a restart), which the rollout does not.
            String reason = change.reason() == null ? "" : change.reason().split("; restart in ")[0];
            return replica + " did not come up (exit code " + change.exitCode() + "): " + reason;
        } catch (TimeoutException e) {
            return replica + " was not ready within " + atMost;
        } catch (ExecutionException e) {
            return replica + ": " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
