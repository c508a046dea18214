package io.chainmonitor.action.project;

import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.project.ProjectLifecycle;
import io.chainmonitor.support.project.ProjectOwnership;

/**
 * The owners of projects, from the spawner's {@code cm.projects.v1} ({@link ProjectOwnership}): only a project's
 * owner configures its actions.
 */
@Component
public class ProjectOwners {

    private final ProjectOwnership ownership;

    ProjectOwners(JdbcClient jdbc, Clock clock) {
        this.ownership = new ProjectOwnership(jdbc, clock);
    }

    @KafkaListener(topics = "cm.projects.v1")
    @Transactional
    public void on(Envelope<?> event) {
        if (event.data() instanceof ProjectLifecycle project) {
            ownership.record(project);
        }
    }

    /** The project's owner, when the project is known and not deleted: whom an action acts on behalf of. */
    public Optional<String> ownerOf(String projectId) {
        return ownership.owner(projectId);
    }

    /** Refuses, as "not found", a project the user does not own; a project of someone else is not disclosed. */
    public void requireOwner(String projectId, String user) {
        ownership.requireOwner(projectId, user);
    }
}
