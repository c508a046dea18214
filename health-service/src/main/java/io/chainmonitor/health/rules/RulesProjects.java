package io.chainmonitor.health.rules;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.project.ProjectLifecycle;

/**
 * The projects the spawner announced on {@code cm.projects.v1}: their owners (the only users who may see and change
 * their rules) and chain types (which pick the default pack). A stale event (lower revision) changes nothing, so
 * redelivery is harmless.
 */
@Component
class RulesProjects {

    private final JdbcClient jdbc;

    RulesProjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @KafkaListener(id = "health-rules-projects", groupId = "health-service.rules-projects", topics = "cm.projects.v1")
    void on(Envelope<?> event) {
        if (event.data() instanceof ProjectLifecycle project) {
            jdbc.sql("""
                    INSERT INTO rules_project AS p (project_id, owner, chain_type, consensus, revision, deleted)
                    VALUES (:id, :owner, :chainType, :consensus, :revision, :deleted)
                    ON CONFLICT (project_id) DO UPDATE
                       SET owner = COALESCE(EXCLUDED.owner, p.owner), chain_type = EXCLUDED.chain_type,
                           consensus = COALESCE(EXCLUDED.consensus, p.consensus), revision = EXCLUDED.revision,
                           deleted = EXCLUDED.deleted, updated_at = now()
                     WHERE p.revision <= EXCLUDED.revision
                    """)
                    .param("id", project.projectId())
                    .param("owner", project.owner())
                    .param("chainType", project.chainType())
                    .param("consensus", project.consensus())
                    .param("revision", project.revision())
                    .param("deleted", project.change() == ProjectLifecycle.Change.DELETED)
                    .update();
        }
    }

    /** The caller's project; someone else's, a deleted or an unknown one is answered alike, as not found. */
    RulesProject require(String projectId, String caller) {
        return find(projectId, false).filter(project -> caller.equals(project.owner()))
                .orElseThrow(() -> new RulesApiException(RulesApiException.Reason.NOT_FOUND, "no project "
                        + projectId));
    }

    /** The caller's project, its row locked until the transaction ends: changes to one rule set go one at a time. */
    RulesProject lock(String projectId, String caller) {
        return find(projectId, true).filter(project -> caller.equals(project.owner()))
                .orElseThrow(() -> new RulesApiException(RulesApiException.Reason.NOT_FOUND, "no project "
                        + projectId));
    }

    private Optional<RulesProject> find(String projectId, boolean lock) {
        return jdbc.sql("SELECT project_id, owner, chain_type, consensus FROM rules_project"
                + " WHERE project_id = ? AND NOT deleted" + (lock ? " FOR UPDATE" : ""))
                .param(projectId)
                .query((rs, row) -> new RulesProject(rs.getString("project_id"), rs.getString("owner"),
                        rs.getString("chain_type"), rs.getString("consensus")))
                .optional();
    }
}
