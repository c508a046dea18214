package io.chainmonitor.action.policy;

import java.net.URI;
import java.util.List;
import java.util.UUID;

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

import io.chainmonitor.action.project.ProjectOwners;

/** A project's action policies, for its owner only. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/action-policies")
class PolicyController {

    private final ProjectOwners projects;
    private final PolicyStore policies;

    PolicyController(ProjectOwners projects, PolicyStore policies) {
        this.projects = projects;
        this.policies = policies;
    }

    @GetMapping
    List<PolicyView> list(@PathVariable String projectId, Authentication caller) {
        projects.requireOwner(projectId, caller.getName());
        return policies.list(projectId);
    }

    @PostMapping
    ResponseEntity<PolicyView> create(@PathVariable String projectId, @RequestBody ActionPolicy request,
            Authentication caller) {
        projects.requireOwner(projectId, caller.getName());
        PolicyView created = policies.create(projectId, caller.getName(), request);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + projectId + "/action-policies/" + created.id()))
                .body(created);
    }

    @GetMapping("/{policyId}")
    PolicyView get(@PathVariable String projectId, @PathVariable UUID policyId, Authentication caller) {
        projects.requireOwner(projectId, caller.getName());
        return policies.view(projectId, policyId);
    }

    @PutMapping("/{policyId}")
    PolicyView update(@PathVariable String projectId, @PathVariable UUID policyId, @RequestBody ActionPolicy request,
            Authentication caller) {
        projects.requireOwner(projectId, caller.getName());
        return policies.update(projectId, policyId, caller.getName(), request);
    }

    @DeleteMapping("/{policyId}")
    ResponseEntity<Void> delete(@PathVariable String projectId, @PathVariable UUID policyId, Authentication caller) {
        projects.requireOwner(projectId, caller.getName());
        policies.delete(projectId, policyId, caller.getName());
        return ResponseEntity.noContent().build();
    }
}
