package io.chainmonitor.health.evaluation;

/**
 * A project's evaluation state as a row of {@code evaluation_project}; the JSON columns as text.
 *
 * @param rulesJson the published rule set document, null while the project runs its default pack
 * @param snapshotJson the evaluator's {@code EvaluatorSnapshot}
 * @param openFindingsJson the firing findings, as an array of envelopes
 * @param recentEventsJson the ids of the events evaluated lately, oldest first
 */
record StoredProject(String projectId, String chainType, String rulePack, long rulesVersion, String rulesJson,
        String snapshotJson, String openFindingsJson, String recentEventsJson) {
}
