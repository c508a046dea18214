package io.chainmonitor.alerts.config;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.alerts.audit.AuditTrail;
import io.chainmonitor.alerts.routing.AlertPolicy;
import io.chainmonitor.alerts.routing.PolicyDocument;
import io.chainmonitor.alerts.routing.PolicyParser;
import io.chainmonitor.events.EventCodec;

/** A project's alerting policy: stored as the checked document, read back as an {@link AlertPolicy}. */
@Component
public class Policies {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Contacts contacts;
    private final AuditTrail audit;
    private final Clock clock;

    Policies(JdbcClient jdbc, EventCodec codec, Contacts contacts, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.json = codec.mapper();
        this.contacts = contacts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    PolicyDocument replace(String projectId, String actor, PolicyDocument document) {
        AlertPolicy policy = PolicyParser.parse(document, contacts.ids(projectId));
        long revision = jdbc
                .sql("""
                        insert into alert_policy (project_id, document, revision, updated_at, updated_by)
                        values (?, cast(? as jsonb), 1, ?, ?)
                        on conflict (project_id) do update set document = excluded.document,
                          revision = alert_policy.revision + 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                        returning revision
                        """)
                .params(projectId, json.writeValueAsString(document), Timestamp.from(clock.instant()), actor)
                .query(Long.class).single();
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("revision", Long.toString(revision));
        changes.put("tiers", String.join(",", policy.tiers().stream().map(AlertPolicy.Tier::name).toList()));
        changes.put("routes", String.join(",", policy.routes().stream().map(AlertPolicy.Route::name).toList()));
        audit.record(projectId, actor, "alerts.policy.replaced", "policy", projectId, changes);
        return document;
    }

    Optional<PolicyDocument> document(String projectId) {
        return jdbc.sql("select document from alert_policy where project_id = ?").param(projectId)
                .query(String.class).optional().map(text -> json.readValue(text, PolicyDocument.class));
    }

    /** The policy findings of the project are routed by; {@link AlertPolicy#EMPTY} when none is set. */
    public AlertPolicy policy(String projectId) {
        // Contacts deleted after the policy was stored cannot be: deletion refuses contacts in tiers.
        return document(projectId).map(document -> PolicyParser.parse(document, contacts.ids(projectId)))
                .orElse(AlertPolicy.EMPTY);
    }

    /** The tiers naming the contact. */
    Set<String> tiersWith(String projectId, UUID contactId) {
        Set<String> tiers = new LinkedHashSet<>();
        document(projectId).ifPresent(document -> {
            if (document.tiers() != null) {
                document.tiers().stream().filter(tier -> tier.contacts() != null && tier.contacts().contains(contactId))
                        .forEach(tier -> tiers.add(tier.name()));
            }
        });
        return tiers;
    }
}
