package io.chainmonitor.action.project;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.chainmonitor.action.ActionException;
import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.project.ProjectLifecycle;

/**
 * The owners of projects, from the spawner's {@code cm.projects.v1}: only a project's owner configures its actions. A
 * stale event (lower revision) changes nothing.
 */
@Component
public class ProjectOwners {

    private final JdbcClient jdbc;
    private final Clock clock;

    ProjectOwners(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @KafkaListener(topics = "cm.projects.v1")
    @Transactional
    public void on(Envelope<?> event) {
        if (event.data() instanceof ProjectLifecycle project) {
            jdbc.sql("""
                    insert into project (project_id, owner, revision, deleted, updated_at) values (?, ?, ?, ?, ?)
                    on conflict (project_id) do update set
                      owner = coalesce(excluded.owner, project.owner), revision = excluded.revision,
                      deleted = excluded.deleted, updated_at = excluded.updated_at
                    where project.revision <= excluded.revision
                    """)
                    .params(project.projectId(), project.owner(), project.revision(),
                            project.change() == ProjectLifecycle.Change.DELETED, Timestamp.from(clock.instant()))
                    .update();
        }
    }

    /** Refuses, as "not found", a project the user does not own; a project of someone else is not disclosed. */
    public void requireOwner(String projectId, String user) {
        Optional<String> owner = jdbc.sql("select owner from project where project_id = ? and not deleted")
                .param(projectId).query(String.class).optional();
        if (owner.isEmpty() || !user.equals(owner.get())) {
            throw new ActionException(ActionException.Reason.NOT_FOUND, "no project " + projectId);
        }
    }
}
