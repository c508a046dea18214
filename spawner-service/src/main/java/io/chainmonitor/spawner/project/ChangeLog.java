package io.chainmonitor.spawner.project;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.audit.AuditEntry;
import io.chainmonitor.events.project.ProjectLifecycle;
import io.chainmonitor.spawner.audit.Outbox;

/** Writes a change's events to the outbox, inside the change's transaction: the project's lifecycle and the audit. */
@Component
public class ChangeLog {

    private static final String SOURCE = "/spawner-service/projects";

    private final Outbox outbox;
    private final ChainTypes chainTypes;

    ChangeLog(Outbox outbox, ChainTypes chainTypes) {
        this.outbox = outbox;
        this.chainTypes = chainTypes;
    }

    /** The project after a change, and who made it. */
    public void projectChanged(Project project, ProjectLifecycle.Change change, Caller caller,
            Map<String, String> changes) {
        ChainTypeInfo chain = chainTypes.find(project.chainType()).orElse(null);
        ProjectLifecycle lifecycle = new ProjectLifecycle(project.id().toString(), change, project.name(),
                project.chainType(), chain == null ? null : chain.family(), chain == null ? null : chain.consensus(),
                project.binarySha256(), project.replicas().total(), project.replicas().locationNames(),
                project.revision(), project.owner());
        outbox.add(Envelope.of(SOURCE, subject(project), project.id().toString(), Severity.LOW, lifecycle));
        audit(caller, "project." + change.name().toLowerCase(Locale.ROOT), "project",
                project.id().toString(), project.id().toString(), changes);
    }

    /** An audit entry for a change to a resource of a project. */
    public void audit(Caller caller, String action, String resourceType, String resourceId, String projectId,
            Map<String, String> changes) {
        AuditEntry.ActorType actorType = caller instanceof Caller.CiToken
                ? AuditEntry.ActorType.CI_TOKEN
                : AuditEntry.ActorType.USER;
        AuditEntry entry = new AuditEntry(caller.actor(), actorType, action, resourceType, resourceId,
                AuditEntry.Outcome.SUCCEEDED, Instant.now(), null, changes);
        addAudit(projectId, entry);
    }

    /** An audit entry for something the spawner did by itself on a project's resource (a rollout, say). */
    public void serviceAudit(String action, String resourceType, String projectId, AuditEntry.Outcome outcome,
            Map<String, String> changes) {
        AuditEntry entry = new AuditEntry("spawner-service", AuditEntry.ActorType.SERVICE, action, resourceType,
                projectId, outcome, Instant.now(), null, changes);
        addAudit(projectId, entry);
    }

    private void addAudit(String projectId, AuditEntry entry) {
        outbox.add(Envelope.of("/spawner-service/audit", "projects/" + projectId, projectId, Severity.LOW, entry));
    }

    private static String subject(Project project) {
        return "projects/" + project.id();
    }
}
