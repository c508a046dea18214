package io.chainmonitor.health.rules;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.health.rules.history.HistoryRange;

/**
 * What a dry run found: the findings in the order they would have been made (the first {@code maxFindings}), how
 * many fired and resolved in all, and which rules still fire at the end of the range.
 *
 * @param version the version of the project's rule set that ran, or null for a rule set sent with the request
 */
record DryRunResult(String projectId, Long version, HistoryRange range, long events, int firing, int resolved,
        List<String> stillFiring, List<DryRunFinding> findings, boolean truncated) {

    /** One finding the rule set would have made; status and severity as the events write them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DryRunFinding(Instant at, String ruleId, String status, String severity, String fingerprint,
            String replicaId, Long height, String title, String summary, String attack, Finding.Evidence evidence) {
    }
}
