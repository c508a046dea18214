package io.chainmonitor.health.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;

import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.health.HealthProperties;
import io.chainmonitor.health.rules.history.HistoryRange;
import io.chainmonitor.health.rules.history.MetricHistory;
import io.chainmonitor.rules.eval.ProjectEvaluator;
import io.chainmonitor.rules.model.Rule;
import io.chainmonitor.rules.model.RuleSetDefinition;

/**
 * Replays a project's stored metric batches and blocks, in order, through a fresh evaluator of a rule set and says
 * what would have fired and resolved. Nothing is published: a dry run only reads.
 */
@Service
class DryRuns {

    private final ProjectRules rules;
    private final MetricHistory history;
    private final HealthProperties.Rules settings;

    DryRuns(ProjectRules rules, MetricHistory history, HealthProperties properties) {
        this.rules = rules;
        this.history = history;
        this.settings = properties.rules();
    }

    /** Runs {@code submitted}, or the current rule set when it is null, over the range. */
    DryRunResult run(String projectId, String caller, RuleSetDefinition submitted, HistoryRange range) {
        ProjectRules.CurrentRules current = rules.current(projectId, caller);
        RuleSetDefinition definition = submitted != null ? submitted : current.rules().definition();
        Long version = submitted != null ? null : current.rules().version();
        long stored = history.count(projectId, range);
        if (stored > settings.dryRunMaxEvents()) {
            throw new RulesApiException(RulesApiException.Reason.DRY_RUN_TOO_LARGE, "the range holds " + stored
                    + " stored events; a dry run replays at most " + settings.dryRunMaxEvents()
                    + ", so narrow the range", Map.of("events", stored, "maxEvents", settings.dryRunMaxEvents()));
        }
        ProjectEvaluator evaluator = ProjectEvaluator.create(projectId, current.project().chainType(), definition);
        Collector collector = new Collector(definition, settings.dryRunMaxFindings());
        long[] replayed = {0};
        history.replay(projectId, range, envelope -> {
            replayed[0]++;
            evaluator.accept(envelope, collector::add);
        });
        return new DryRunResult(projectId, version, range, replayed[0], collector.firing, collector.resolved,
                evaluator.firing(), collector.findings, collector.firing + collector.resolved > collector.findings
                        .size());
    }

    /** Keeps the first findings, counts them all. */
    private static final class Collector {

        private final RuleSetDefinition definition;
        private final int max;
        private final List<DryRunResult.DryRunFinding> findings = new ArrayList<>();
        private int firing;
        private int resolved;

        Collector(RuleSetDefinition definition, int max) {
            this.definition = definition;
            this.max = max;
        }

        void add(Finding finding) {
            if (finding.status() == Finding.Status.FIRING) {
                firing++;
            } else {
                resolved++;
            }
            if (findings.size() < max) {
                Severity severity = definition.rule(finding.ruleId()).map(Rule::header).map(h -> h.severity())
                        .orElse(Severity.LOW);
                Instant at = finding.status() == Finding.Status.FIRING ? finding.startsAt() : finding.endsAt();
                findings.add(new DryRunResult.DryRunFinding(at, finding.ruleId(),
                        finding.status().name().toLowerCase(Locale.ROOT), severity.wireName(),
                        finding.fingerprint(), finding.replicaId(), finding.chain().height(), finding.title(),
                        finding.summary(), finding.attack(), finding.evidence()));
            }
        }
    }
}
