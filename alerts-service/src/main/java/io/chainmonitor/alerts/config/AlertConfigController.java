package io.chainmonitor.alerts.config;

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

import io.chainmonitor.alerts.AlertsException;
import io.chainmonitor.alerts.routing.PolicyDocument;

/** A project's contacts and alerting policy, for its owner only. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/alerts")
class AlertConfigController {

    private final ProjectDirectory projects;
    private final Contacts contacts;
    private final Policies policies;

    AlertConfigController(ProjectDirectory projects, Contacts contacts, Policies policies) {
        this.projects = projects;
        this.contacts = contacts;
        this.policies = policies;
    }

    @GetMapping("/contacts")
    List<ContactView> contacts(@PathVariable String projectId, Authentication caller) {
        projects.requireOwner(projectId, caller.getName());
        return contacts.list(projectId);
    }

    @PostMapping("/contacts")
    ResponseEntity<ContactView> create(@PathVariable String projectId, @RequestBody ContactRequest request,
            Authentication caller) {
        projects.requireOwner(projectId, caller.getName());
        ContactView created = contacts.create(projectId, caller.getName(), request);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + projectId + "/alerts/contacts/" + created.id()))
                .body(created);
    }

    @GetMapping("/contacts/{contactId}")
    ContactView contact(@PathVariable String projectId, @PathVariable UUID contactId, Authentication caller) {
        projects.requireOwner(projectId, caller.getName());
        return contacts.view(projectId, contactId);
    }

    @PutMapping("/contacts/{contactId}")
    ContactView update(@PathVariable String projectId, @PathVariable UUID contactId,
            @RequestBody ContactRequest request, Authentication caller) {
        projects.requireOwner(projectId, caller.getName());
        return contacts.update(projectId, contactId, caller.getName(), request);
    }

    @DeleteMapping("/contacts/{contactId}")
    ResponseEntity<Void> delete(@PathVariable String projectId, @PathVariable UUID contactId,
            Authentication caller) {
        projects.requireOwner(projectId, caller.getName());
        contacts.delete(projectId, contactId, caller.getName(), policies.tiersWith(projectId, contactId));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/policy")
    PolicyDocument policy(@PathVariable String projectId, Authentication caller) {
        projects.requireOwner(projectId, caller.getName());
        return policies.document(projectId).orElseThrow(() -> new AlertsException(AlertsException.Reason.NOT_FOUND,
                "project " + projectId + " has no alerting policy yet"));
    }

    @PutMapping("/policy")
    PolicyDocument replacePolicy(@PathVariable String projectId, @RequestBody PolicyDocument document,
            Authentication caller) {
        projects.requireOwner(projectId, caller.getName());
        return policies.replace(projectId, caller.getName(), document);
    }
}
