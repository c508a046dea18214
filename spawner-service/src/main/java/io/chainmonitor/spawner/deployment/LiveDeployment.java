package io.chainmonitor.spawner.deployment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.chainmonitor.rules.chain.ChainType;
import io.chainmonitor.spawner.project.ReplicaSettings;
import io.chainmonitor.spawner.runtime.ReplicaSpec;

/**
 * A deployment as this spawner runs it: what it runs, its replicas in the order of their ids, and how its last
 * rollout went. Thread-safe.
 */
final class LiveDeployment {

    private final UUID projectId;
    private final ChainType chain;
    private String binarySha256;
    private ReplicaSettings settings;
    private final List<Replica> replicas = new ArrayList<>();
    private Rollout rollout = Rollout.NONE;

    LiveDeployment(UUID projectId, ChainType chain, String binarySha256, ReplicaSettings settings) {
        this.projectId = projectId;
        this.chain = chain;
        this.binarySha256 = binarySha256;
        this.settings = settings;
    }

    UUID projectId() {
        return projectId;
    }

    ChainType chain() {
        return chain;
    }

    synchronized String binarySha256() {
        return binarySha256;
    }

    synchronized ReplicaSettings settings() {
        return settings;
    }

    synchronized void target(String newBinarySha256, ReplicaSettings newSettings) {
        this.binarySha256 = newBinarySha256;
        this.settings = newSettings;
    }

    synchronized List<Replica> replicas() {
        return List.copyOf(replicas);
    }

    synchronized void add(Replica replica) {
        replicas.add(replica);
        replicas.sort(Comparator.comparingInt(Replica::number));
    }

    /** Puts {@code replica} in the place of the replica of the same id (replaced in place by a rollout). */
    synchronized void replace(Replica replica) {
        replicas.replaceAll(current -> current.id().equals(replica.id()) ? replica : current);
    }

    synchronized void remove(String replicaId) {
        replicas.removeIf(replica -> replica.id().equals(replicaId));
    }

    synchronized Optional<Replica> replica(String replicaId) {
        return replicas.stream().filter(replica -> replica.id().equals(replicaId)).findFirst();
    }

    /** The number the next new replica's id gets: one above every id this deployment has. */
    synchronized int nextNumber() {
        return replicas.stream().mapToInt(Replica::number).max().orElse(0) + 1;
    }

    synchronized Rollout rollout() {
        return rollout;
    }

    synchronized void rollout(Rollout now) {
        this.rollout = now;
    }

    /** One replica: its launch, the binary it runs and the project's extra arguments it was given. */
    record Replica(ReplicaSpec spec, String binarySha256, List<String> extraArgs) {

        Replica {
            extraArgs = List.copyOf(extraArgs);
        }

        String id() {
            return spec.key().replicaId();
        }

        int number() {
            return Integer.parseInt(id().substring(id().indexOf('-') + 1));
        }
    }

    /** The last rollout: {@code state} is {@code none}, {@code rolling}, {@code done} or {@code failed}. */
    record Rollout(String state, String detail) {
        static final Rollout NONE = new Rollout("none", null);
    }
}
