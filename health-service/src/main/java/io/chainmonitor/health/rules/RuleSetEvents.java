package io.chainmonitor.health.rules;

import java.util.Map;

import org.springframework.stereotype.Component;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.audit.AuditEntry;
import io.chainmonitor.events.rules.RuleSet;
import io.chainmonitor.health.HealthApplication;
import io.chainmonitor.rules.yaml.RuleSetWriter;

/** Writes what a rule set change announces to the outbox: the new {@link RuleSet} and the {@link AuditEntry}. */
@Component
class RuleSetEvents {

    private static final String SOURCE = "/" + HealthApplication.NAME + "/rules-api";

    private final RulesOutbox outbox;

    RuleSetEvents(RulesOutbox outbox) {
        this.outbox = outbox;
    }

    /** In the change's transaction; {@code changes} says what changed, for the audit log. */
    void changed(RulesProject project, StoredRuleSet stored, String action, Map<String, String> changes) {
        String subject = "projects/" + project.id() + "/rules";
        RuleSet ruleSet = new RuleSet(project.id(), stored.version(), project.chainType(), stored.definition().pack(),
                stored.changedAt(), stored.changedBy(), RuleSetWriter.toTree(stored.definition()));
        outbox.add(Envelope.of(SOURCE, subject, project.id(), Severity.LOW, ruleSet));
        AuditEntry entry = new AuditEntry(stored.changedBy(), AuditEntry.ActorType.USER, action, "rule-set",
                project.id(), AuditEntry.Outcome.SUCCEEDED, stored.changedAt(), null, changes);
        outbox.add(Envelope.of(SOURCE, subject, project.id(), Severity.LOW, entry));
    }
}
