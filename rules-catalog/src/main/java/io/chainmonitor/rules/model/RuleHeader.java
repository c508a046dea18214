package io.chainmonitor.rules.model;

import java.util.List;
import java.util.Objects;

import io.chainmonitor.events.Severity;

/**
 * What every rule has: a stable id (never reused once retired), a title, a human description, whether it runs, its
 * severity, what it keeps one state for, and the responses an operator should consider when it fires.
 */
public record RuleHeader(String id, String title, String description, boolean enabled, Severity severity,
        Grouping groupBy, List<String> recommendedActions) {

    public RuleHeader {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(groupBy, "groupBy");
        recommendedActions = List.copyOf(recommendedActions);
    }
}
