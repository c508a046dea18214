package io.chainmonitor.spawner.deployment;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.chainmonitor.spawner.project.Caller;

/** {@code /api/v1/projects/{id}/deployment}: the project's running replicas. A CI token may deploy its project. */
@RestController
@RequestMapping("/api/v1/projects/{id}/deployment")
class DeploymentController {

    private final Deployments deployments;
    private final ReplicaRestarts restarts;

    DeploymentController(Deployments deployments, ReplicaRestarts restarts) {
        this.deployments = deployments;
        this.restarts = restarts;
    }

    /** Restarts one replica in place (same id, ports and data directory); owner only. */
    @PostMapping("/replicas/{replicaId}/restart")
    ResponseEntity<DeploymentView> restart(Authentication authentication, @PathVariable UUID id,
            @PathVariable String replicaId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(restarts.restart(Caller.of(authentication), id, replicaId));
    }

    @PostMapping
    ResponseEntity<DeploymentView> deploy(Authentication authentication, @PathVariable UUID id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(deployments.deploy(Caller.of(authentication), id));
    }

    @GetMapping
    DeploymentView get(Authentication authentication, @PathVariable UUID id) {
        return deployments.current(Caller.of(authentication), id);
    }

    @DeleteMapping
    ResponseEntity<Void> undeploy(Authentication authentication, @PathVariable UUID id) {
        deployments.undeploy(Caller.of(authentication), id);
        return ResponseEntity.noContent().build();
    }
}
