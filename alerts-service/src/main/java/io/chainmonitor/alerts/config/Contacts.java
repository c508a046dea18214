package io.chainmonitor.alerts.config;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.chainmonitor.alerts.AlertsException;
import io.chainmonitor.alerts.audit.AuditTrail;
import io.chainmonitor.alerts.dispatch.Channel;
import io.chainmonitor.alerts.dispatch.Recipient;
import io.chainmonitor.alerts.dispatch.Recipients;
import io.chainmonitor.events.Uuid7;

/** A project's contacts: stored with their secrets encrypted, shown without them, decrypted only to send. */
@Component
public class Contacts implements Recipients {

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final ContactCheck check;
    private final AuditTrail audit;
    private final Clock clock;

    Contacts(JdbcClient jdbc, SecretBox secrets, ContactCheck check, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.check = check;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    ContactView create(String projectId, String actor, ContactRequest request) {
        check.check(request);
        UUID id = Uuid7.next();
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                    insert into contact (id, project_id, name, email, telegram_chat_id, slack_webhook, webhook_url,
                                         webhook_secret, pagerduty_key, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                    .params(id, projectId, request.name().strip(), blankToNull(request.email()),
                            blankToNull(request.telegramChatId()), seal(request.slackWebhook(), id, "slack"),
                            seal(webhookUrl(request), id, "webhook-url"),
                            seal(webhookSecret(request), id, "webhook-secret"),
                            seal(request.pagerdutyRoutingKey(), id, "pagerduty"), Timestamp.from(now),
                            Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicateName(request.name());
        }
        requireSecretForWebhook(id);
        audit.record(projectId, actor, "alerts.contact.created", "contact", id.toString(), changes(request));
        return view(projectId, id);
    }

    @Transactional
    ContactView update(String projectId, UUID id, String actor, ContactRequest request) {
        check.check(request);
        view(projectId, id); // 404 when missing
        try {
            jdbc.sql("update contact set name = ?, email = ?, telegram_chat_id = ?, updated_at = ? where id = ?")
                    .params(request.name().strip(), blankToNull(request.email()), blankToNull(request.telegramChatId()),
                            Timestamp.from(clock.instant()), id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicateName(request.name());
        }
        replaceSecret(id, "slack_webhook", "slack", request.slackWebhook());
        replaceSecret(id, "webhook_url", "webhook-url", request.webhook() == null ? null : request.webhook().url());
        replaceSecret(id, "webhook_secret", "webhook-secret",
                request.webhook() == null ? null : request.webhook().secret());
        replaceSecret(id, "pagerduty_key", "pagerduty", request.pagerdutyRoutingKey());
        requireSecretForWebhook(id);
        audit.record(projectId, actor, "alerts.contact.updated", "contact", id.toString(), changes(request));
        return view(projectId, id);
    }

    @Transactional
    void delete(String projectId, UUID id, String actor, Set<String> tiersUsingIt) {
        view(projectId, id);
        if (!tiersUsingIt.isEmpty()) {
            throw new AlertsException(AlertsException.Reason.IN_USE,
                    "contact " + id + " is in tier(s) " + String.join(", ", tiersUsingIt)
                            + "; remove it from the policy first");
        }
        jdbc.sql("delete from contact where id = ?").param(id).update();
        audit.record(projectId, actor, "alerts.contact.deleted", "contact", id.toString(), Map.of());
    }

    List<ContactView> list(String projectId) {
        return jdbc.sql("select * from contact where project_id = ? order by name").param(projectId)
                .query((rs, row) -> view(rs)).list();
    }

    ContactView view(String projectId, UUID id) {
        return jdbc.sql("select * from contact where project_id = ? and id = ?").params(projectId, id)
                .query((rs, row) -> view(rs)).optional()
                .orElseThrow(() -> new AlertsException(AlertsException.Reason.NOT_FOUND, "no contact " + id));
    }

    /** The ids of the project's contacts. */
    Set<UUID> ids(String projectId) {
        return jdbc.sql("select id from contact where project_id = ?").param(projectId).query(UUID.class).set();
    }

    /** The contact's name and the channels it has an address for; empty when the contact is gone. */
    public Optional<Reachable> reachable(String projectId, UUID contactId) {
        return jdbc.sql("select * from contact where project_id = ? and id = ?").params(projectId, contactId)
                .query((rs, row) -> {
                    Set<Channel> channels = EnumSet.noneOf(Channel.class);
                    if (rs.getString("email") != null) {
                        channels.add(Channel.EMAIL);
                    }
                    if (rs.getBytes("slack_webhook") != null) {
                        channels.add(Channel.SLACK);
                    }
                    if (rs.getBytes("webhook_url") != null) {
                        channels.add(Channel.WEBHOOK);
                    }
                    if (rs.getBytes("pagerduty_key") != null) {
                        channels.add(Channel.PAGERDUTY);
                    }
                    if (rs.getString("telegram_chat_id") != null) {
                        channels.add(Channel.TELEGRAM);
                    }
                    return new Reachable(contactId, rs.getString("name"), channels);
                }).optional();
    }

    /** A contact's name and the channels it can be told on. */
    public record Reachable(UUID id, String name, Set<Channel> channels) {
    }

    @Override
    public Optional<Recipient> find(String projectId, UUID contactId) {
        return jdbc.sql("select * from contact where project_id = ? and id = ?").params(projectId, contactId)
                .query((rs, row) -> new Recipient(contactId, rs.getString("name"), rs.getString("email"),
                        uri(open(rs, "slack_webhook", contactId, "slack")),
                        uri(open(rs, "webhook_url", contactId, "webhook-url")),
                        open(rs, "webhook_secret", contactId, "webhook-secret"),
                        open(rs, "pagerduty_key", contactId, "pagerduty"), rs.getString("telegram_chat_id")))
                .optional();
    }

    private String open(ResultSet rs, String column, UUID id, String field) throws SQLException {
        return secrets.decrypt(rs.getBytes(column), id + "/" + field);
    }

    private byte[] seal(String value, UUID id, String field) {
        return ContactCheck.present(value) ? secrets.encrypt(value.strip(), id + "/" + field) : null;
    }

    private void replaceSecret(UUID id, String column, String field, String value) {
        if (value == null) {
            return; // left out: keep
        }
        jdbc.sql("update contact set " + column + " = ? where id = ?").params(seal(value, id, field), id).update();
    }

    private void requireSecretForWebhook(UUID id) {
        boolean unsigned = jdbc
                .sql("select webhook_url is not null and webhook_secret is null from contact where id = ?")
                .param(id).query(Boolean.class).single();
        if (unsigned) {
            throw AlertsException.invalidField(AlertsException.Reason.INVALID_REQUEST, "webhook.secret",
                    "is required with a webhook URL: every webhook request is signed");
        }
    }

    private static ContactView view(ResultSet rs) throws SQLException {
        return new ContactView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("email"),
                ContactView.Configured.of(rs.getBytes("slack_webhook")),
                ContactView.Configured.of(rs.getBytes("webhook_url")),
                ContactView.Configured.of(rs.getBytes("pagerduty_key")), rs.getString("telegram_chat_id"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    /** What the audit log keeps: plain fields, and only whether a secret was given. */
    private static Map<String, String> changes(ContactRequest request) {
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("name", request.name());
        if (request.email() != null) {
            changes.put("email", request.email());
        }
        if (request.telegramChatId() != null) {
            changes.put("telegramChatId", request.telegramChatId());
        }
        Map<String, String> secretsGiven = new LinkedHashMap<>();
        secretsGiven.put("slackWebhook", request.slackWebhook());
        secretsGiven.put("webhook", webhookUrl(request));
        secretsGiven.put("pagerdutyRoutingKey", request.pagerdutyRoutingKey());
        changes.putAll(secretsGiven.entrySet().stream().filter(e -> e.getValue() != null).collect(
                Collectors.toMap(Map.Entry::getKey, e -> e.getValue().isBlank() ? "removed" : "set")));
        return changes;
    }

    private static String webhookUrl(ContactRequest request) {
        return request.webhook() == null ? null : request.webhook().url();
    }

    private static String webhookSecret(ContactRequest request) {
        return request.webhook() == null ? null : request.webhook().secret();
    }

    private static URI uri(String value) {
        return value == null ? null : URI.create(value);
    }

    private static String blankToNull(String value) {
        return ContactCheck.present(value) ? value.strip() : null;
    }

    private static AlertsException duplicateName(String name) {
        return new AlertsException(AlertsException.Reason.IN_USE, "a contact named '" + name + "' exists already");
    }
}
