package io.chainmonitor.action.containment;

import java.util.Map;

import org.springframework.stereotype.Component;

import io.chainmonitor.action.ActionException;
import io.chainmonitor.action.ActionException.Reason;
import io.chainmonitor.action.execution.StepAction;
import io.chainmonitor.action.execution.StepContext;
import io.chainmonitor.action.execution.StepRunner;
import io.chainmonitor.action.policy.StepType;

/**
 * The {@code restart-replica} step: asks the spawner to restart the finding's replica (or the one named by the
 * {@code replica} parameter) in place.
 */
@Component
class RestartReplicaRunner implements StepRunner {

    private final SpawnerApi spawner;

    RestartReplicaRunner(SpawnerApi spawner) {
        this.spawner = spawner;
    }

    @Override
    public StepType type() {
        return StepType.RESTART_REPLICA;
    }

    @Override
    public void validate(StepContext.Target target, String field, Map<String, String> parameters) {
        String replica = parameters.get("replica");
        if (replica != null && !replica.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw ActionException.invalidField(Reason.INVALID_REQUEST, field + ".replica",
                    "must be a replica id such as r-1");
        }
    }

    @Override
    public StepAction prepare(StepContext context) {
        String replica = context.parameters().getOrDefault("replica", context.target().replicaId());
        String projectId = context.target().projectId().toString();
        return () -> {
            if (replica == null) {
                throw new SpawnerApi.StepFailedException("the finding names no replica and the step names none");
            }
            String path = "/api/v1/projects/" + projectId + "/deployment/replicas/" + replica + "/restart";
            if (context.dryRun()) {
                return "dry run: would POST " + spawner.url(path);
            }
            spawner.send(projectId, "POST", path, null);
            return "replica " + replica + " restart accepted by the spawner";
        };
    }
}
