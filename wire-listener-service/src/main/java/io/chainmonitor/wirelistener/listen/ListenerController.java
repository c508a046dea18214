package io.chainmonitor.wirelistener.listen;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.chainmonitor.wirelistener.WireListenerException;
import io.chainmonitor.wirelistener.WireListenerException.Reason;

/** A project's public listeners, and isolation of one replica (its public ports closed, its node kept running). */
@RestController
@RequestMapping("/api/v1/projects/{projectId}")
class ListenerController {

    private final Listeners listeners;

    ListenerController(Listeners listeners) {
        this.listeners = listeners;
    }

    @GetMapping("/listeners")
    List<Listeners.PublicEndpoints> list(@PathVariable String projectId) {
        return listeners.of(projectId);
    }

    @PostMapping("/replicas/{replicaId}/isolation")
    Listeners.PublicEndpoints isolate(@PathVariable String projectId, @PathVariable String replicaId) {
        listeners.isolate(projectId, replicaId);
        return current(projectId, replicaId);
    }

    @DeleteMapping("/replicas/{replicaId}/isolation")
    @ResponseStatus(HttpStatus.OK)
    Listeners.PublicEndpoints restore(@PathVariable String projectId, @PathVariable String replicaId) {
        listeners.restore(projectId, replicaId);
        return current(projectId, replicaId);
    }

    private Listeners.PublicEndpoints current(String projectId, String replicaId) {
        return listeners.of(projectId, replicaId).orElseThrow(() -> new WireListenerException(Reason.NOT_FOUND,
                "no public listener for replica " + replicaId));
    }
}
