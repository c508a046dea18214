package io.chainmonitor.action.policy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.action.ActionException;
import io.chainmonitor.action.ActionException.Reason;
import io.chainmonitor.action.audit.AuditTrail;
import io.chainmonitor.events.Uuid7;

/** A project's action policies in the database; each change is validated first and audited after. */
@Component
public class PolicyStore {

    private static final String COLUMNS = "id, name, document::text as document, created_at, updated_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PolicyValidator validator;
    private final AuditTrail audit;
    private final Clock clock;

    PolicyStore(JdbcClient jdbc, JsonMapper json, PolicyValidator validator, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every policy of the project, by name. */
    public List<PolicyView> list(String projectId) {
        return jdbc.sql("select " + COLUMNS + " from action_policy where project_id = ? order by name")
                .param(projectId).query(this::row).list();
    }

    PolicyView view(String projectId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from action_policy where project_id = ? and id = ?")
                .params(projectId, id).query(this::row).optional()
                .orElseThrow(() -> new ActionException(Reason.NOT_FOUND, "no action policy " + id));
    }

    @Transactional
    PolicyView create(String projectId, String user, ActionPolicy request) {
        ActionPolicy policy = validator.validate(request);
        UUID id = Uuid7.next();
        Instant now = now();
        try {
            jdbc.sql("""
                    insert into action_policy (id, project_id, name, document, created_by, created_at, updated_at)
                    values (?, ?, ?, ?::jsonb, ?, ?, ?)""")
                    .params(id, projectId, policy.name(), json.writeValueAsString(policy), user,
                            Timestamp.from(now), Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw taken(policy.name());
        }
        audit.record(projectId, user, "action.policy.created", "action-policy", id.toString(), summary(policy));
        return PolicyView.of(id, policy, now, now);
    }

    @Transactional
    PolicyView update(String projectId, UUID id, String user, ActionPolicy request) {
        PolicyView before = view(projectId, id);
        ActionPolicy policy = validator.validate(request);
        Instant now = now();
        try {
            jdbc.sql("update action_policy set name = ?, document = ?::jsonb, updated_at = ? where id = ?")
                    .params(policy.name(), json.writeValueAsString(policy), Timestamp.from(now), id).update();
        } catch (DuplicateKeyException e) {
            throw taken(policy.name());
        }
        audit.record(projectId, user, "action.policy.updated", "action-policy", id.toString(), summary(policy));
        return PolicyView.of(id, policy, before.createdAt(), now);
    }

    @Transactional
    void delete(String projectId, UUID id, String user) {
        PolicyView before = view(projectId, id);
        jdbc.sql("delete from action_policy where id = ?").param(id).update();
        audit.record(projectId, user, "action.policy.deleted", "action-policy", id.toString(),
                Map.of("name", before.name()));
    }

    /** Now, to the microsecond PostgreSQL keeps, so that an answer equals what a later read returns. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Map<String, String> summary(ActionPolicy policy) {
        return Map.of("name", policy.name(), "enabled", String.valueOf(policy.enabled()), "mode",
                policy.mode().name(), "cooldown", policy.cooldown().toString(), "steps",
                String.join(",", policy.steps().stream().map(ActionPolicy.Step::type).toList()));
    }

    private static ActionException taken(String name) {
        return ActionException.invalidField(Reason.IN_USE, "name", "'" + name + "' is taken by another policy");
    }

    private PolicyView row(ResultSet rs, int row) throws SQLException {
        ActionPolicy policy = json.readValue(rs.getString("document"), ActionPolicy.class);
        return PolicyView.of(rs.getObject("id", UUID.class), policy, rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
