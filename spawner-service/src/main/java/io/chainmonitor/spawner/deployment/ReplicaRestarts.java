package io.chainmonitor.spawner.deployment;

import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.chainmonitor.spawner.SpawnerException;
import io.chainmonitor.spawner.SpawnerException.Reason;
import io.chainmonitor.spawner.project.Caller;
import io.chainmonitor.spawner.project.ChangeLog;
import io.chainmonitor.spawner.project.ProjectService;
import io.chainmonitor.spawner.supervision.ReplicaSupervisor;

/**
 * Restarts one replica on request (an operator, or the action service on the owner's behalf): the supervisor stops it
 * and starts it again on its own id, ports and data directory, keeping its restart count. Refused while a rollout
 * runs, since the rollout replaces replicas under the same lock.
 */
@Service
class ReplicaRestarts {

    private static final Logger log = LoggerFactory.getLogger(ReplicaRestarts.class);

    private final ProjectService projects;
    private final Deployments deployments;
    private final ReplicaSupervisor supervisor;
    private final ChangeLog changeLog;
    private final TransactionTemplate transactions;

    ReplicaRestarts(ProjectService projects, Deployments deployments, ReplicaSupervisor supervisor,
            ChangeLog changeLog, TransactionTemplate transactions) {
        this.projects = projects;
        this.deployments = deployments;
        this.supervisor = supervisor;
        this.changeLog = changeLog;
        this.transactions = transactions;
    }

    DeploymentView restart(Caller caller, UUID id, String replicaId) {
        Caller.User user = ProjectService.requireUser(caller);
        projects.get(user, id);
        LiveDeployment live = deployments.live(id).orElseThrow(() -> Deployments.notDeployed(id));
        synchronized (deployments.lockOf(id)) {
            if (Rollouts.ROLLING.equals(live.rollout().state())) {
                throw new SpawnerException(Reason.ROLLOUT_IN_PROGRESS,
                        "project " + id + " is rolling out (" + live.rollout().detail() + "); restart it afterwards");
            }
            LiveDeployment.Replica replica = live.replica(replicaId)
                    .orElseThrow(() -> new SpawnerException(Reason.REPLICA_NOT_FOUND,
                            "project " + id + " has no replica " + replicaId));
            transactions.executeWithoutResult(status -> changeLog.audit(user, "deployment.replica-restarted",
                    "replica", replicaId, id.toString(), Map.of("replica", replicaId)));
            supervisor.stop(replica.spec().key(), "restart requested by " + user.actor());
            supervisor.supervise(replica.spec());
            log.info("project {}: replica {} restarted on request of {}", id, replicaId, user.actor());
        }
        return deployments.current(user, id);
    }
}
