package io.chainmonitor.spawner.deployment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.chainmonitor.spawner.runtime.ReplicaSpec;
import io.chainmonitor.spawner.runtime.RunningReplica;

/** A deployment as the API shows it: each replica's state, process and endpoints; never its RPC credentials. */
record DeploymentView(UUID projectId, List<Replica> replicas) {

    /**
     * One replica. {@code state} is the runtime's ({@code STARTING}, {@code RUNNING}, {@code EXITED},
     * {@code STOPPED}), or {@code FAILED} once the supervisor gave up on a crash loop.
     */
    record Replica(String id, String location, String state, Long pid, String rpcUrl, String wsUrl,
            String p2pAddress, int restarts) {

        static Replica of(ReplicaSpec spec, Optional<RunningReplica> running, boolean supervised, int restarts) {
            String state = running.map(replica -> replica.state().name()).orElse(supervised ? "STARTING" : "FAILED");
            RunningReplica now = running.orElse(null);
            return new Replica(spec.key().replicaId(), spec.location(), state, now == null ? null : now.pid(),
                    now == null ? null : now.rpcUrl(), now == null ? null : now.wsUrl(),
                    now == null ? null : now.p2pAddress(), restarts);
        }
    }
}
