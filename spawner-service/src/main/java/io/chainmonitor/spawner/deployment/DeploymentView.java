package io.chainmonitor.spawner.deployment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.chainmonitor.spawner.runtime.RunningReplica;

/**
 * A deployment as the API shows it: the binary it runs, its last rollout, and each replica's state, process and
 * endpoints; never its RPC credentials.
 */
record DeploymentView(UUID projectId, String binarySha256, Rollout rollout, List<Replica> replicas) {

    static DeploymentView of(LiveDeployment live, Function<LiveDeployment.Replica, Replica> replica) {
        LiveDeployment.Rollout rollout = live.rollout();
        return new DeploymentView(live.projectId(), live.binarySha256(),
                new Rollout(rollout.state(), rollout.detail()), live.replicas().stream().map(replica).toList());
    }

    /** How the last rollout went: {@code none}, {@code rolling}, {@code done} or {@code failed}, and why. */
    record Rollout(String state, String detail) {
    }

    /**
     * One replica. {@code state} is the runtime's ({@code STARTING}, {@code RUNNING}, {@code EXITED},
     * {@code STOPPED}), or {@code FAILED} once the supervisor gave up on a crash loop.
     */
    record Replica(String id, String location, String state, Long pid, String rpcUrl, String wsUrl,
            String p2pAddress, int restarts, String binarySha256, Integer lastExitCode) {

        static Replica of(LiveDeployment.Replica replica, Optional<RunningReplica> running, boolean supervised,
                int restarts, StoredDeployment.Replica row) {
            String state = running.map(now -> now.state().name()).orElse(supervised ? "STARTING" : "FAILED");
            RunningReplica now = running.orElse(null);
            return new Replica(replica.id(), replica.spec().location(), state, now == null ? null : now.pid(),
                    now == null ? null : now.rpcUrl(), now == null ? null : now.wsUrl(),
                    now == null ? null : now.p2pAddress(), restarts, replica.binarySha256(),
                    row == null ? null : row.lastExitCode());
        }
    }
}
