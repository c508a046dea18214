package io.chainmonitor.alerts.silence;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.chainmonitor.alerts.config.ProjectDirectory;

/** A project's silences, for its owner. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/alerts/silences")
class SilenceController {

    private final ProjectDirectory projects;
    private final Silences silences;

    SilenceController(ProjectDirectory projects, Silences silences) {
        this.projects = projects;
        this.silences = silences;
    }

    @GetMapping
    List<SilenceView> list(@PathVariable String projectId, Authentication caller) {
        projects.requireOwner(projectId, caller.getName());
        return silences.list(projectId);
    }

    @PostMapping
    ResponseEntity<SilenceView> create(@PathVariable String projectId, @RequestBody SilenceRequest request,
            Authentication caller) {
        projects.requireOwner(projectId, caller.getName());
        SilenceView created = silences.create(projectId, caller.getName(), request);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + projectId + "/alerts/silences/" + created.id()))
                .body(created);
    }

    @GetMapping("/{silenceId}")
    SilenceView get(@PathVariable String projectId, @PathVariable UUID silenceId, Authentication caller) {
        projects.requireOwner(projectId, caller.getName());
        return silences.view(projectId, silenceId);
    }

    @DeleteMapping("/{silenceId}")
    ResponseEntity<Void> expire(@PathVariable String projectId, @PathVariable UUID silenceId, Authentication caller) {
        projects.requireOwner(projectId, caller.getName());
        silences.expire(projectId, silenceId, caller.getName());
        return ResponseEntity.noContent().build();
    }
}
