package io.chainmonitor.spawner.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

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
import io.chainmonitor.spawner.runtime.ReplicaRuntimes;
import io.chainmonitor.spawner.runtime.ReplicaSpec;
import io.chainmonitor.spawner.supervision.ReplicaSupervisor;
import io.chainmonitor.support.security.NodeRpcCredentials;

/**
 * A project's deployment: its replicas, built from the project and its binary and handed to the supervisor. One
 * deployment per project at a time; it lives as long as this spawner (replicas left by an earlier one are adopted or
 * stopped by their runtime, not redeployed).
 */
@Service
class Deployments {

    private static final Logger log = LoggerFactory.getLogger(Deployments.class);

    private final ProjectService projects;
    private final ChainTypes chainTypes;
    private final DeployableBinaries binaries;
    private final ReplicaRuntimes runtimes;
    private final ReplicaSupervisor supervisor;
    private final NodeRpcCredentials credentials;
    private final Map<UUID, List<ReplicaSpec>> deployed = new ConcurrentHashMap<>();

    Deployments(ProjectService projects, ChainTypes chainTypes, DeployableBinaries binaries, ReplicaRuntimes runtimes,
            ReplicaSupervisor supervisor, ObjectProvider<NodeRpcCredentials> credentials) {
        this.projects = projects;
        this.chainTypes = chainTypes;
        this.binaries = binaries;
        this.runtimes = runtimes;
        this.supervisor = supervisor;
        this.credentials = credentials.getIfAvailable(() -> {
            throw new IllegalStateException("chain-monitor.security.node-rpc-secret is not set: the spawner derives "
                    + "every replica's RPC credentials from it, and the chain watcher and wire listener need the same "
                    + "value (standalone keeps one in data/secrets/node-rpc.key)");
        });
    }

    /** Builds the project's replicas and starts supervising them; 409 when it is already deployed. */
    DeploymentView deploy(Caller caller, UUID id) {
        Project project = projects.get(caller, id);
        Path executable = binaries.executableOf(project);
        ChainType chain = chainTypes.definition(project.chainType()).orElseThrow(() -> new SpawnerException(
                Reason.UNKNOWN_CHAIN_TYPE, "chain type " + project.chainType() + " is no longer in the catalog"));
        synchronized (this) {
            if (deployed.containsKey(id)) {
                throw new SpawnerException(Reason.ALREADY_DEPLOYED,
                        "project " + id + " is already deployed; DELETE its deployment first");
            }
            List<Map.Entry<String, Map<PortRole, Integer>>> reserved = new ArrayList<>();
            List<ReplicaSpec> specs;
            try {
                specs = ReplicaPlanner.plan(id.toString(), chain, project.replicas(), executable,
                        credentials, (replicaId, location, roles) -> {
                            Map<PortRole, Integer> ports = runtimes.forLocation(location).reservePorts(roles);
                            reserved.add(Map.entry(location, ports));
                            return ports;
                        });
            } catch (RuntimeException e) {
                reserved.forEach(ports -> runtimes.forLocation(ports.getKey()).releasePorts(ports.getValue()));
                throw e;
            }
            deployed.put(id, specs);
            specs.forEach(supervisor::supervise);
            log.info("project {}: deployed {} replicas of {}", id, specs.size(), chain.id());
            return view(id, specs);
        }
    }

    /** The deployment's replicas as they are now; 404 when the project is not deployed. */
    DeploymentView current(Caller caller, UUID id) {
        projects.get(caller, id);
        List<ReplicaSpec> specs = deployed.get(id);
        if (specs == null) {
            throw notDeployed(id);
        }
        return view(id, specs);
    }

    /** Stops every replica of the project; 404 when it is not deployed. */
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

    private boolean stopAll(UUID id) {
        List<ReplicaSpec> specs = deployed.remove(id);
        if (specs == null) {
            return false;
        }
        // In parallel: a node may take its whole stop grace period to go.
        CompletableFuture.allOf(specs.stream()
                .map(spec -> CompletableFuture.runAsync(() -> supervisor.stop(spec.key()), Thread.ofVirtual()::start))
                .toArray(CompletableFuture[]::new)).join();
        log.info("project {}: stopped {} replicas", id, specs.size());
        return true;
    }

    private DeploymentView view(UUID id, List<ReplicaSpec> specs) {
        return new DeploymentView(id, specs.stream().map(spec -> DeploymentView.Replica.of(spec,
                supervisor.status(spec.key()), supervisor.supervised().contains(spec.key()),
                supervisor.restarts(spec.key()).orElse(0))).toList());
    }

    private static SpawnerException notDeployed(UUID id) {
        return new SpawnerException(Reason.DEPLOYMENT_NOT_FOUND, "project " + id + " is not deployed");
    }
}
