package io.chainmonitor.spawner.deployment;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import io.chainmonitor.events.project.ReplicaLifecycle.State;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaSpec;
import io.chainmonitor.spawner.supervision.ReplicaJournal;

/**
 * Writes every change the supervisor sees into {@code deployment_replica}, and tells a waiting rollout whether a new
 * replica came up ({@code RUNNING}) or not ({@code RESTARTING}, {@code FAILED}).
 */
@Component
class DeploymentJournal implements ReplicaJournal {

    private static final Logger log = LoggerFactory.getLogger(DeploymentJournal.class);

    private final DeploymentRepository repository;
    private final Map<ReplicaKey, CompletableFuture<Change>> awaited = new ConcurrentHashMap<>();

    DeploymentJournal(DeploymentRepository repository) {
        this.repository = repository;
    }

    @Override
    public void record(ReplicaSpec spec, Change change) {
        try {
            repository.record(spec.key(), change);
        } catch (DataAccessException e) {
            // The runtime state is still right; the next change or a restart's re-adoption brings the row up to date.
            log.warn("replica {}: cannot record {}: {}", spec.key(), change.state(), e.getMessage());
        }
        if (change.state() == State.RUNNING || change.state() == State.RESTARTING
                || change.state() == State.FAILED) {
            CompletableFuture<Change> waiting = awaited.remove(spec.key());
            if (waiting != null) {
                waiting.complete(change);
            }
        }
    }

    /** Completes with the replica's first change to RUNNING, RESTARTING or FAILED after this call. */
    CompletableFuture<Change> outcomeOf(ReplicaKey key) {
        return awaited.computeIfAbsent(key, k -> new CompletableFuture<>());
    }

    void forget(ReplicaKey key) {
        awaited.remove(key);
    }
}
