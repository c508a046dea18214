package io.chainmonitor.spawner.project;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/projects}: a user's projects. */
@RestController
@RequestMapping("/api/v1/projects")
class ProjectController {

    private final ProjectService projects;

    ProjectController(ProjectService projects) {
        this.projects = projects;
    }

    @PostMapping
    ResponseEntity<ProjectView> create(Authentication authentication, @Valid @RequestBody ProjectRequest request) {
        Project project = projects.create(Caller.of(authentication), request);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project.id())).body(ProjectView.of(project));
    }

    @GetMapping
    List<ProjectView> list(Authentication authentication) {
        return projects.list(Caller.of(authentication)).stream().map(ProjectView::of).toList();
    }

    @GetMapping("/{id}")
    ProjectView get(Authentication authentication, @PathVariable UUID id) {
        return ProjectView.of(projects.get(Caller.of(authentication), id));
    }

    @PutMapping("/{id}")
    ProjectView update(Authentication authentication, @PathVariable UUID id,
            @Valid @RequestBody ProjectUpdate update) {
        return ProjectView.of(projects.update(Caller.of(authentication), id, update));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Authentication authentication, @PathVariable UUID id) {
        projects.delete(Caller.of(authentication), id);
        return ResponseEntity.noContent().build();
    }

    /** A project as the API shows it. */
    record ProjectView(UUID id, String name, String chainType, ReplicaSettings replicas, String binarySha256,
            long revision, Instant createdAt, Instant updatedAt) {

        static ProjectView of(Project project) {
            return new ProjectView(project.id(), project.name(), project.chainType(), project.replicas(),
                    project.binarySha256(), project.revision(), project.createdAt(), project.updatedAt());
        }
    }
}
