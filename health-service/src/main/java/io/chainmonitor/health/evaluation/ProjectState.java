package io.chainmonitor.health.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.rules.eval.ProjectEvaluator;

/**
 * One project's evaluation: the rule set in force, its evaluator, the findings firing now and the ids of the events
 * evaluated lately. Turns the evaluator's findings into envelopes (severity from the rule, ids derived from the cause)
 * and keeps the firing ones, so that a rule that stops being evaluated (turned off, removed, changed, the project
 * deleted) is resolved rather than left firing forever. Used by the one consumer thread that owns the project.
 */
final class ProjectState {

    static final String SOURCE = "/health-service/rules";

    private final String projectId;
    private String chainType;
    private String rulePack;
    private ActiveRules rules;
    private ProjectEvaluator evaluator;
    private final Map<String, Envelope<Finding>> open = new LinkedHashMap<>();
    private final RecentEventIds recent;

    ProjectState(String projectId, String chainType, String rulePack, ActiveRules rules, ProjectEvaluator evaluator,
            Collection<Envelope<Finding>> open, RecentEventIds recent) {
        this.projectId = projectId;
        this.chainType = chainType;
        this.rulePack = rulePack;
        this.rules = rules;
        this.evaluator = evaluator;
        this.recent = recent;
        open.forEach(firing -> this.open.put(firing.data().fingerprint(), firing));
    }

    /** A project seen for the first time: the default pack, nothing evaluated yet. */
    static ProjectState fresh(String projectId, String chainType, String rulePack, ActiveRules defaultPack,
            int dedupeWindow) {
        return new ProjectState(projectId, chainType, rulePack, defaultPack,
                ProjectEvaluator.create(projectId, chainType, defaultPack.definition()), List.of(),
                new RecentEventIds(dedupeWindow, List.of()));
    }

    /** Notes the event as evaluated; false when it was evaluated already (a redelivery). */
    boolean firstDelivery(String eventId) {
        return recent.add(eventId);
    }

    /** Runs the rules on an event; returns the findings it made, as envelopes to publish. */
    List<Envelope<Finding>> evaluate(Envelope<?> event) {
        List<Finding> findings = new ArrayList<>(2);
        evaluator.accept(event, findings::add);
        if (findings.isEmpty()) {
            return List.of();
        }
        List<Envelope<Finding>> envelopes = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            envelopes.add(track(envelope(event.uuid(), finding, rules.severityOf(finding.ruleId()))));
        }
        return envelopes;
    }

    /**
     * Puts another rule set in force. The evaluator resumes from its own snapshot: rules whose definition is
     * unchanged keep their windows and firing state; changed or new rules start afresh. Findings of rules that are
     * no longer evaluated as they were (off, removed, changed) are resolved; the returned envelopes say so.
     */
    List<Envelope<Finding>> replaceRules(ActiveRules next, UUID cause, Instant at) {
        ProjectEvaluator replacement = ProjectEvaluator.restore(projectId, chainType, next.definition(),
                evaluator.snapshot());
        Set<String> stillFiring = new HashSet<>(replacement.firing());
        String set = next.isDefaultPack()
                ? "the default " + rulePack + " pack, which the project went back to,"
                : "rule set version " + next.version();
        List<Envelope<Finding>> resolved = new ArrayList<>();
        for (Envelope<Finding> firing : List.copyOf(open.values())) {
            if (!stillFiring.contains(firingKey(firing.data()))) {
                String what = next.definition().rule(firing.data().ruleId())
                        .map(rule -> rule.header().enabled() ? " changed the rule" : " turned the rule off")
                        .orElse(" has no such rule");
                resolved.add(track(resolution(firing, cause, at, set + what)));
            }
        }
        rules = next;
        evaluator = replacement;
        return resolved;
    }

    /** The project's chain type changed; a project on its default pack moves to the new type's pack. */
    List<Envelope<Finding>> changeChainType(String newChainType, String newRulePack, ActiveRules newDefaultPack,
            UUID cause, Instant at) {
        if (newChainType.equals(chainType) && newRulePack.equals(rulePack)) {
            return List.of();
        }
        chainType = newChainType;
        rulePack = newRulePack;
        return rules.isDefaultPack() ? replaceRules(newDefaultPack, cause, at) : List.of();
    }

    /** The project is gone: every firing finding is resolved. */
    List<Envelope<Finding>> close(UUID cause, Instant at) {
        List<Envelope<Finding>> resolved = new ArrayList<>();
        for (Envelope<Finding> firing : List.copyOf(open.values())) {
            resolved.add(track(resolution(firing, cause, at, "the project was deleted")));
        }
        return resolved;
    }

    private Envelope<Finding> resolution(Envelope<Finding> firing, UUID cause, Instant at, String why) {
        Finding f = firing.data();
        Instant ends = at.isBefore(f.startsAt()) ? f.startsAt() : at;
        Finding resolved = new Finding(f.fingerprint(), f.ruleId(), f.attack(), Finding.Status.RESOLVED, f.title(),
                f.title() + " is no longer evaluated: " + why + ". It fired because: " + f.summary(), f.chain(),
                f.replicaId(), f.evidence(), f.labels(), f.recommendedActions(), f.startsAt(), ends);
        return envelope(cause, resolved, firing.severity());
    }

    private Envelope<Finding> envelope(UUID cause, Finding finding, Severity severity) {
        String subject = "projects/" + projectId
                + (finding.replicaId() == null ? "" : "/replicas/" + finding.replicaId());
        return new Envelope<>(Envelope.SPEC_VERSION, FindingIds.of(cause, finding).toString(),
                finding.eventType().type(), SOURCE, subject, Instant.now(), Envelope.JSON, projectId,
                severity == null ? Severity.MEDIUM : severity, finding);
    }

    private Envelope<Finding> track(Envelope<Finding> envelope) {
        if (envelope.data().status() == Finding.Status.FIRING) {
            open.put(envelope.data().fingerprint(), envelope);
        } else {
            open.remove(envelope.data().fingerprint());
        }
        return envelope;
    }

    /** How {@link ProjectEvaluator#firing()} names a firing group. */
    private static String firingKey(Finding finding) {
        return finding.ruleId() + (finding.replicaId() == null ? "" : "@" + finding.replicaId());
    }

    String projectId() {
        return projectId;
    }

    String chainType() {
        return chainType;
    }

    String rulePack() {
        return rulePack;
    }

    ActiveRules rules() {
        return rules;
    }

    ProjectEvaluator evaluator() {
        return evaluator;
    }

    List<Envelope<Finding>> openFindings() {
        return List.copyOf(open.values());
    }

    List<String> recentEventIds() {
        return recent.toList();
    }
}
