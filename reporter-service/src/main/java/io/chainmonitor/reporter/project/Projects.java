package io.chainmonitor.reporter.project;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.project.ProjectLifecycle;
import io.chainmonitor.reporter.ReporterException;
import io.chainmonitor.reporter.ingest.ProcessedEvents;

/**
 * The projects the spawner announced and who owns them: a user sees the records of their own projects only, and a
 * project of someone else is answered like one that does not exist.
 */
@Repository
public class Projects {

    /** SQL that selects the ids of the projects owned by the named parameter {@code :owner}. */
    public static final String OWNED_BY = "SELECT id FROM project WHERE owner = :owner";

    private final JdbcClient jdbc;
    private final ProcessedEvents processed;

    Projects(JdbcClient jdbc, ProcessedEvents processed) {
        this.jdbc = jdbc;
        this.processed = processed;
    }

    /** Applies a lifecycle event; an older revision than the one stored changes nothing. */
    @Transactional
    void apply(Envelope<?> envelope, ProjectLifecycle lifecycle) {
        if (!processed.firstDelivery(envelope.uuid(), envelope.topic().topicName())) {
            return;
        }
        jdbc.sql("""
                INSERT INTO project AS p (id, owner, name, chain_type, revision, deleted)
                VALUES (:id, :owner, :name, :chainType, :revision, :deleted)
                ON CONFLICT (id) DO UPDATE
                   SET owner = COALESCE(EXCLUDED.owner, p.owner), name = EXCLUDED.name,
                       chain_type = EXCLUDED.chain_type, revision = EXCLUDED.revision,
                       deleted = EXCLUDED.deleted, updated_at = now()
                 WHERE p.revision <= EXCLUDED.revision
                """)
                .param("id", lifecycle.projectId())
                .param("owner", lifecycle.owner())
                .param("name", lifecycle.name())
                .param("chainType", lifecycle.chainType())
                .param("revision", lifecycle.revision())
                .param("deleted", lifecycle.change() == ProjectLifecycle.Change.DELETED)
                .update();
    }

    /** The project if {@code user} owns it; a deleted project's history stays readable by its owner. */
    public Optional<ProjectInfo> owned(String projectId, String user) {
        return jdbc.sql("SELECT id, name, chain_type, deleted FROM project WHERE id = :id AND owner = :owner")
                .param("id", projectId)
                .param("owner", user)
                .query((rs, row) -> new ProjectInfo(rs.getString("id"), rs.getString("name"),
                        rs.getString("chain_type"), rs.getBoolean("deleted")))
                .optional();
    }

    /** The project, or a 404 problem naming {@code parameter} when the user does not own it. */
    public ProjectInfo require(String projectId, String user, String parameter) {
        return owned(projectId, user).orElseThrow(() -> ReporterException.invalidParameter(
                ReporterException.Reason.NOT_FOUND, parameter, "names no project of yours: " + projectId));
    }

    /** Any project, whoever owns it: for the scheduled jobs, which act for the owner. */
    public Optional<ProjectInfo> find(String projectId) {
        return jdbc.sql("SELECT id, name, chain_type, deleted FROM project WHERE id = :id")
                .param("id", projectId)
                .query((rs, row) -> new ProjectInfo(rs.getString("id"), rs.getString("name"),
                        rs.getString("chain_type"), rs.getBoolean("deleted")))
                .optional();
    }

    /** What the reporter knows of a project. */
    public record ProjectInfo(String id, String name, String chainType, boolean deleted) {
    }
}
