package io.chainmonitor.action.partner;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.chainmonitor.action.ActionException;
import io.chainmonitor.action.ActionException.Reason;
import io.chainmonitor.action.UserUrls;
import io.chainmonitor.action.audit.AuditTrail;
import io.chainmonitor.events.Uuid7;

/** A project's partner contacts in the database: validated, SSRF-checked, audited without their secrets. */
@Component
public class Partners {

    private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private final JdbcClient jdbc;
    private final UserUrls urls;
    private final AuditTrail audit;
    private final Clock clock;

    Partners(JdbcClient jdbc, UserUrls urls, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.urls = urls;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every partner of the project, secrets included, by name. */
    public List<Partner> all(String projectId) {
        return jdbc.sql("""
                select id, project_id, name, webhook_url, webhook_secret, email from partner
                where project_id = ? order by name""").param(projectId).query(Partner.class).list();
    }

    Partner find(String projectId, UUID id) {
        return jdbc.sql("""
                select id, project_id, name, webhook_url, webhook_secret, email from partner
                where project_id = ? and id = ?""").params(projectId, id).query(Partner.class).optional()
                .orElseThrow(() -> new ActionException(Reason.NOT_FOUND, "no partner " + id));
    }

    @Transactional
    Partner create(String projectId, String user, PartnerRequest request) {
        Partner partner = validated(new Partner(Uuid7.next(), projectId, request == null ? null : request.name(),
                request == null ? null : request.webhookUrl(), request == null ? null : request.webhookSecret(),
                request == null ? null : request.email()));
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.sql("""
                    insert into partner (id, project_id, name, webhook_url, webhook_secret, email, created_at,
                      updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(partner.id(), projectId, partner.name(), partner.webhookUrl(), partner.webhookSecret(),
                            partner.email(), now, now)
                    .update();
        } catch (DuplicateKeyException e) {
            throw ActionException.invalidField(Reason.IN_USE, "name", "is taken by another partner");
        }
        audit.record(projectId, user, "action.partner.created", "partner", partner.id().toString(), changes(partner));
        return partner;
    }

    @Transactional
    Partner update(String projectId, UUID id, String user, PartnerRequest request) {
        Partner before = find(projectId, id);
        if (request == null) {
            throw new ActionException(Reason.INVALID_REQUEST, "the request has no body");
        }
        String secret = request.webhookSecret() == null ? before.webhookSecret() : request.webhookSecret();
        Partner partner = validated(
                new Partner(id, projectId, request.name(), request.webhookUrl(), secret, request.email()));
        try {
            jdbc.sql("""
                    update partner set name = ?, webhook_url = ?, webhook_secret = ?, email = ?, updated_at = ?
                    where id = ?""")
                    .params(partner.name(), partner.webhookUrl(), partner.webhookSecret(), partner.email(),
                            Timestamp.from(clock.instant()), id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw ActionException.invalidField(Reason.IN_USE, "name", "is taken by another partner");
        }
        audit.record(projectId, user, "action.partner.updated", "partner", id.toString(), changes(partner));
        return partner;
    }

    @Transactional
    void delete(String projectId, UUID id, String user) {
        Partner before = find(projectId, id);
        jdbc.sql("delete from partner where id = ?").param(id).update();
        audit.record(projectId, user, "action.partner.deleted", "partner", id.toString(),
                Map.of("name", before.name()));
    }

    private Partner validated(Partner partner) {
        if (partner.name() == null || !partner.name().matches("[A-Za-z0-9][A-Za-z0-9 ._-]{0,79}")) {
            throw invalid("name", "must be 1 to 80 letters, digits, spaces, '.', '_' or '-'");
        }
        String url = blankToNull(partner.webhookUrl());
        String secret = blankToNull(partner.webhookSecret());
        String email = blankToNull(partner.email());
        if (url == null && email == null) {
            throw invalid("webhookUrl", "or 'email' is required: a partner is informed by one of them");
        }
        if (url != null) {
            urls.check(url, "webhookUrl");
            if (secret == null || secret.length() < 16) {
                throw invalid("webhookSecret", "must be at least 16 characters: the advisory is signed with it");
            }
        }
        if (email != null && !email.matches(EMAIL)) {
            throw invalid("email", "is not an email address");
        }
        return new Partner(partner.id(), partner.projectId(), partner.name(), url, url == null ? null : secret, email);
    }

    private static Map<String, String> changes(Partner partner) {
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("name", partner.name());
        changes.put("webhookUrl", partner.webhookUrl() == null ? "none" : partner.webhookUrl());
        changes.put("webhookSecret", partner.webhookSecret() == null ? "none" : "set");
        changes.put("email", partner.email() == null ? "none" : partner.email());
        return changes;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static ActionException invalid(String field, String message) {
        return ActionException.invalidField(Reason.INVALID_REQUEST, field, message);
    }
}
