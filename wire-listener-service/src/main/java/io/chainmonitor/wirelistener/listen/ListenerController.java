package io.chainmonitor.wirelistener.listen;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.chainmonitor.support.project.ProjectOwnership;
import io.chainmonitor.wirelistener.WireListenerException;
import io.chainmonitor.wirelistener.WireListenerException.Reason;

/** A project's public listeners, and isolation of one replica (its public ports closed, its node kept running). */
@RestController
@RequestMapping("/api/v1/projects/{projectId}")
class ListenerController {

    private final Listeners listeners;
    private final ProjectOwnership ownership;

    ListenerController(Listeners listeners, ProjectOwnership ownership) {
        this.listeners = listeners;
        this.ownership = ownership;
    }

    @GetMapping("/listeners")
    List<Listeners.PublicEndpoints> list(Authentication caller, @PathVariable String projectId) {
        ownership.requireOwner(projectId, caller.getName());
        return listeners.of(projectId);
    }

    @PostMapping("/replicas/{replicaId}/isolation")
    Listeners.PublicEndpoints isolate(Authentication caller, @PathVariable String projectId,
            @PathVariable String replicaId) {
        ownership.requireOwner(projectId, caller.getName());
        listeners.isolate(projectId, replicaId);
        return current(projectId, replicaId);
    }

    @DeleteMapping("/replicas/{replicaId}/isolation")
    @ResponseStatus(HttpStatus.OK)
    Listeners.PublicEndpoints restore(Authentication caller, @PathVariable String projectId,
            @PathVariable String replicaId) {
        ownership.requireOwner(projectId, caller.getName());
        listeners.restore(projectId, replicaId);
        return current(projectId, replicaId);
    }

    private Listeners.PublicEndpoints current(String projectId, String replicaId) {
        return listeners.of(projectId, replicaId).orElseThrow(() -> new WireListenerException(Reason.NOT_FOUND,
                "no public listener for replica " + replicaId));
    }
}
