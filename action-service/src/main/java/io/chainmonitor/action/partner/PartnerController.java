package io.chainmonitor.action.partner;

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

/** A project's partner contacts, for its owner only; secrets go in and never come out. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/partners")
class PartnerController {

    private final ProjectOwners projects;
    private final Partners partners;

    PartnerController(ProjectOwners projects, Partners partners) {
        this.projects = projects;
        this.partners = partners;
    }

    @GetMapping
    List<Partner.PartnerView> list(@PathVariable String projectId, Authentication caller) {
        projects.requireOwner(projectId, caller.getName());
        return partners.all(projectId).stream().map(Partner::view).toList();
    }

    @PostMapping
    ResponseEntity<Partner.PartnerView> create(@PathVariable String projectId, @RequestBody PartnerRequest request,
            Authentication caller) {
        projects.requireOwner(projectId, caller.getName());
        Partner created = partners.create(projectId, caller.getName(), request);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + projectId + "/partners/" + created.id()))
                .body(created.view());
    }

    @GetMapping("/{partnerId}")
    Partner.PartnerView get(@PathVariable String projectId, @PathVariable UUID partnerId, Authentication caller) {
        projects.requireOwner(projectId, caller.getName());
        return partners.find(projectId, partnerId).view();
    }

    @PutMapping("/{partnerId}")
    Partner.PartnerView update(@PathVariable String projectId, @PathVariable UUID partnerId,
            @RequestBody PartnerRequest request, Authentication caller) {
        projects.requireOwner(projectId, caller.getName());
        return partners.update(projectId, partnerId, caller.getName(), request).view();
    }

    @DeleteMapping("/{partnerId}")
    ResponseEntity<Void> delete(@PathVariable String projectId, @PathVariable UUID partnerId, Authentication caller) {
        projects.requireOwner(projectId, caller.getName());
        partners.delete(projectId, partnerId, caller.getName());
        return ResponseEntity.noContent().build();
    }
}
