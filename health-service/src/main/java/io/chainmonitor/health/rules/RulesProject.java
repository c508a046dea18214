package io.chainmonitor.health.rules;

/** A project as the rules API knows it from {@code cm.projects.v1}. */
record RulesProject(String id, String owner, String chainType, String consensus) {
}
