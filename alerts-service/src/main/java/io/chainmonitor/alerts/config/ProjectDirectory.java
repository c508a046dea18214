package io.chainmonitor.alerts.config;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.chainmonitor.alerts.AlertsException;
import io.chainmonitor.alerts.AlertsProperties;
import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.project.ProjectLifecycle;

/**
 * The projects this service knows, from the spawner's {@code cm.projects.v1}: their names for messages and their
 * owners, the only users who may configure their alerting. A stale event (lower revision) changes nothing.
 */
@Component
public class ProjectDirectory {

    static final String PLATFORM_NAME = "Chain Monitor platform";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AlertsProperties properties;

    ProjectDirectory(JdbcClient jdbc, Clock clock, AlertsProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    @KafkaListener(topics = "cm.projects.v1")
    @Transactional
    public void on(Envelope<?> event) {
        if (event.data() instanceof ProjectLifecycle project) {
            jdbc.sql("""
                    insert into project (project_id, owner, name, revision, deleted, updated_at)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (project_id) do update set
                      owner = coalesce(excluded.owner, project.owner), name = excluded.name,
                      revision = excluded.revision, deleted = excluded.deleted, updated_at = excluded.updated_at
                    where project.revision <= excluded.revision
                    """)
                    .params(project.projectId(), project.owner(), project.name(), project.revision(),
                            project.change() == ProjectLifecycle.Change.DELETED, Timestamp.from(clock.instant()))
                    .update();
        }
    }

    /**
     * Makes the platform's own findings (project {@code platform}) configurable like a project's, by the platform
     * operator; the spawner never announces a project of that id, so the row is this service's alone.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void registerPlatform() {
        String operator = properties.platformOperator();
        if (operator == null || operator.isBlank()) {
            jdbc.sql("update project set deleted = true where project_id = ?").param(Envelope.PLATFORM_PROJECT_ID)
                    .update();
            return;
        }
        jdbc.sql(
                """
                        insert into project (project_id, owner, name, revision, deleted, updated_at) values (?, ?, ?, 0, false, ?)
                        on conflict (project_id) do update set owner = excluded.owner, deleted = false,
                          updated_at = excluded.updated_at
                        """)
                .params(Envelope.PLATFORM_PROJECT_ID, operator, PLATFORM_NAME, Timestamp.from(clock.instant()))
                .update();
    }

    /** The project's name, or its id when the project is not known (yet). */
    public String nameOf(String projectId) {
        return jdbc.sql("select name from project where project_id = ?").param(projectId).query(String.class)
                .optional().orElse(projectId);
    }

    /** Refuses, as "not found", a project the user does not own; a project of someone else is not disclosed. */
    public void requireOwner(String projectId, String user) {
        Optional<String> owner = jdbc.sql("select owner from project where project_id = ? and not deleted")
                .param(projectId).query(String.class).optional();
        if (owner.isEmpty() || !user.equals(owner.get())) {
            throw new AlertsException(AlertsException.Reason.NOT_FOUND, "no project " + projectId);
        }
    }
}
