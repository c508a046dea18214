package io.chainmonitor.support.project;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.chainmonitor.events.project.ProjectLifecycle;
import io.chainmonitor.support.web.DomainProblemException;

/**
 * Who owns which project, as the spawner announces it on {@code cm.projects.v1}, kept in the service's own table
 * {@code project (project_id text primary key, owner text, revision bigint not null, deleted boolean not null,
 * updated_at timestamptz not null)}. Every service that serves a project's data over REST asks it before answering:
 * a project of someone else, like one that does not exist, is "not found". A stale event (lower revision) changes
 * nothing.
 */
public final class ProjectOwnership {

    private final JdbcClient jdbc;
    private final Clock clock;

    public ProjectOwnership(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Takes in a project's lifecycle event: its owner, revision and whether it is deleted. */
    public void record(ProjectLifecycle project) {
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

    /** The owner of a project that exists and is not deleted. */
    public Optional<String> owner(String projectId) {
        return jdbc.sql("select owner from project where project_id = ? and not deleted").param(projectId)
                .query(String.class).optional();
    }

    /** Refuses, as 404 {@code not-found}, a project {@code subject} does not own; another's project is not disclosed. */
    public void requireOwner(String projectId, String subject) {
        Optional<String> owner = owner(projectId);
        if (owner.isEmpty() || subject == null || !subject.equals(owner.get())) {
            throw new DomainProblemException(HttpStatus.NOT_FOUND, "not-found", "no project " + projectId);
        }
    }
}
