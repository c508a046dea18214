package io.chainmonitor.action.inform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;

/**
 * The standard advisory sent to exchanges and partners: which chain, what attack, how severe, the evidence, the
 * measures we recommend and whom to contact.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Advisory(
        String version,
        String projectId,
        String fingerprint,
        String chain,
        Long height,
        String attack,
        String ruleId,
        String severity,
        String title,
        String summary,
        Finding.Evidence evidence,
        List<String> recommendedMeasures,
        String contact,
        Instant startsAt) {

    /** The payload format; a receiver can check it before reading the rest. */
    public static final String VERSION = "chain-monitor.advisory.v1";

    // Recommended to every exchange for a firing chain-integrity finding, whatever the rule proposes on top.
    static final List<String> BASELINE_MEASURES = List.of("raise deposit confirmations",
            "pause deposits of this chain until the finding resolves");

    /** The advisory for a firing finding; the rule's own recommended actions come first, then the baseline. */
    public static Advisory of(String projectId, Severity severity, Finding finding, String contact) {
        if (finding.status() != Finding.Status.FIRING) {
            throw new IllegalArgumentException("an advisory is sent for a firing finding only");
        }
        List<String> measures = new ArrayList<>(finding.recommendedActions());
        BASELINE_MEASURES.stream().filter(measure -> !measures.contains(measure)).forEach(measures::add);
        return new Advisory(VERSION, projectId, finding.fingerprint(), finding.chain().type(), finding.chain().height(),
                finding.attack(), finding.ruleId(), severity.wireName(), finding.title(), finding.summary(),
                finding.evidence(), List.copyOf(measures), contact, finding.startsAt());
    }
}
