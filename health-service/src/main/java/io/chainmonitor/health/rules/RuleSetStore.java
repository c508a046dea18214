package io.chainmonitor.health.rules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.rules.model.RuleSetDefinition;
import io.chainmonitor.rules.yaml.RuleSetReader;
import io.chainmonitor.rules.yaml.RuleSetWriter;

/** Every version of every project's rule set, and the rule ids each project has retired for good. */
@Repository
class RuleSetStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    RuleSetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The project's highest version, if it has one. */
    Optional<StoredRuleSet> current(String projectId) {
        return jdbc.sql("""
                SELECT version, document::text AS document, changed_at, changed_by FROM rule_set_version
                 WHERE project_id = ? ORDER BY version DESC LIMIT 1
                """).param(projectId).query(this::row).optional();
    }

    Optional<StoredRuleSet> version(String projectId, long version) {
        return jdbc.sql("""
                SELECT version, document::text AS document, changed_at, changed_by FROM rule_set_version
                 WHERE project_id = ? AND version = ?
                """).params(projectId, version).query(this::row).optional();
    }

    /** The history, newest first. */
    List<VersionSummary> versions(String projectId) {
        return jdbc
                .sql("""
                        SELECT version, change, rule_id, changed_by, changed_at, jsonb_array_length(document -> 'rules') AS rules
                          FROM rule_set_version WHERE project_id = ? ORDER BY version DESC
                        """)
                .param(projectId)
                .query((rs, row) -> new VersionSummary(rs.getLong("version"), rs.getString("change"),
                        rs.getString("rule_id"), rs.getInt("rules"), rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("changed_by")))
                .list();
    }

    void insert(String projectId, StoredRuleSet stored, String change, String ruleId) {
        jdbc.sql("""
                INSERT INTO rule_set_version (project_id, version, base_pack, document, change, rule_id, changed_by,
                                              changed_at)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                """)
                .params(projectId, stored.version(), stored.definition().pack(),
                        JSON.writeValueAsString(RuleSetWriter.toTree(stored.definition())), change, ruleId,
                        stored.changedBy(), Timestamp.from(stored.changedAt()))
                .update();
    }

    /** The ids the project retired, in the order they were retired. */
    List<String> retired(String projectId) {
        return jdbc.sql("SELECT rule_id FROM retired_rule WHERE project_id = ? ORDER BY retired_at, rule_id")
                .param(projectId).query(String.class).list();
    }

    void retire(String projectId, Collection<String> ruleIds, long version, Instant at) {
        for (String ruleId : ruleIds) {
            jdbc.sql("""
                    INSERT INTO retired_rule (project_id, rule_id, version, retired_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING
                    """).params(projectId, ruleId, version, Timestamp.from(at)).update();
        }
    }

    private StoredRuleSet row(ResultSet rs, int row) throws SQLException {
        RuleSetDefinition definition = RuleSetReader.read("stored version " + rs.getLong("version"),
                JSON.readTree(rs.getString("document")));
        return new StoredRuleSet(rs.getLong("version"), definition, rs.getTimestamp("changed_at").toInstant(),
                rs.getString("changed_by"));
    }

    /** One version as the history lists it. */
    record VersionSummary(long version, String change, String ruleId, int rules, Instant changedAt,
            String changedBy) {
    }
}
