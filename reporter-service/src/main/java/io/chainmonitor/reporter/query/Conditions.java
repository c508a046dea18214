package io.chainmonitor.reporter.query;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.chainmonitor.events.Severity;
import io.chainmonitor.reporter.project.Projects;

/**
 * The WHERE clause of a listing, built from its filter with named parameters only (never values in the SQL text);
 * {@code timeColumn} and {@code ruleColumn} say which columns the table uses for the time and the rule.
 */
final class Conditions {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    /** The conditions of {@code filter} for a caller who owns {@code owner}'s projects. */
    static Conditions of(ListingFilter filter, String owner, String timeColumn, String ruleColumn) {
        Conditions where = new Conditions();
        if (filter.project() != null) {
            where.add("project_id = :project", "project", filter.project());
        } else {
            where.add("project_id IN (" + Projects.OWNED_BY + ")", "owner", owner);
        }
        if (!filter.severities().isEmpty()) {
            where.add("severity_rank IN (:ranks)", "ranks",
                    filter.severities().stream().map(Severity::ordinal).toList());
        }
        where.addIf(filter.status(), "status = :status", "status");
        where.addIf(filter.rule(), ruleColumn + " = :rule", "rule");
        where.addIf(filter.attack(), "attack = :attack", "attack");
        where.addIf(filter.replica(), "replica_id = :replica", "replica");
        if (filter.from() != null) {
            where.add(timeColumn + " >= :from", "from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.add(timeColumn + " < :to", "to", Timestamp.from(filter.to()));
        }
        if (filter.q() != null) {
            // Substring match, case-insensitive; LIKE's wildcards in the text are taken literally.
            String pattern = "%" + filter.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where.add("(title ILIKE :q OR summary ILIKE :q)", "q", pattern);
        }
        Cursor cursor = filter.cursor();
        if (cursor != null) {
            where.add("(severity_rank > :cRank OR (severity_rank = :cRank AND (" + timeColumn + " < :cAt OR ("
                    + timeColumn + " = :cAt AND id < :cId))))", "cRank", cursor.severityRank());
            where.parameters.put("cAt", Timestamp.from(cursor.at()));
            where.parameters.put("cId", cursor.id());
        }
        return where;
    }

    Conditions add(String clause, String name, Object value) {
        clauses.add(clause);
        parameters.put(name, value);
        return this;
    }

    private void addIf(String value, String clause, String name) {
        if (value != null) {
            add(clause, name, value);
        }
    }

    String sql() {
        return clauses.isEmpty() ? "TRUE" : String.join(" AND ", clauses);
    }

    Map<String, Object> parameters() {
        return parameters;
    }
}
