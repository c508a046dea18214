package io.chainmonitor.alerts.silence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.alerts.AlertsException;
import io.chainmonitor.alerts.audit.AuditTrail;
import io.chainmonitor.alerts.routing.PolicyDocument;
import io.chainmonitor.alerts.routing.PolicyParser;
import io.chainmonitor.events.EventCodec;
import io.chainmonitor.events.Uuid7;

/** A project's silences: created and ended through the API, audited, consulted before every notification. */
@Component
public class Silences {

    private static final TypeReference<List<PolicyDocument.MatcherDoc>> MATCHERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final Clock clock;

    Silences(JdbcClient jdbc, EventCodec codec, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.json = codec.mapper();
        this.audit = audit;
        this.clock = clock;
    }

    /** The silences of the project in force at {@code now}. */
    public List<Silence> active(String projectId, Instant now) {
        return jdbc.sql("select * from silence where project_id = ? and starts_at <= ? and ends_at > ?")
                .params(projectId, Timestamp.from(now), Timestamp.from(now))
                .query((rs, row) -> new Silence(rs.getObject("id", UUID.class), projectId,
                        PolicyParser.matchers(matchers(rs), "matchers"), rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at").toInstant()))
                .list();
    }

    @Transactional
    SilenceView create(String projectId, String actor, SilenceRequest request) {
        if (request == null || request.matchers() == null || request.matchers().isEmpty()) {
            throw AlertsException.invalidField(AlertsException.Reason.INVALID_REQUEST, "matchers",
                    "must hold at least one matcher: a silence of everything is a policy without tiers");
        }
        PolicyParser.matchers(request.matchers(), "matchers");
        Instant now = clock.instant();
        Instant startsAt = request.startsAt() == null ? now : instant(request.startsAt(), "startsAt");
        Instant endsAt;
        if (request.endsAt() != null) {
            endsAt = instant(request.endsAt(), "endsAt");
        } else if (request.duration() != null) {
            endsAt = startsAt.plus(duration(request.duration()));
        } else {
            throw AlertsException.invalidField(AlertsException.Reason.INVALID_REQUEST, "endsAt",
                    "or duration is required: a silence expires");
        }
        if (!endsAt.isAfter(startsAt) || !endsAt.isAfter(now)) {
            throw AlertsException.invalidField(AlertsException.Reason.INVALID_REQUEST, "endsAt",
                    "must be after startsAt and in the future");
        }
        UUID id = Uuid7.next();
        jdbc.sql("""
                insert into silence (id, project_id, matchers, starts_at, ends_at, comment, created_by, created_at)
                values (?, ?, cast(? as jsonb), ?, ?, ?, ?, ?)
                """)
                .params(id, projectId, json.writeValueAsString(request.matchers()), Timestamp.from(startsAt),
                        Timestamp.from(endsAt), request.comment(), actor, Timestamp.from(now))
                .update();
        audit.record(projectId, actor, "alerts.silence.created", "silence", id.toString(),
                Map.of("matchers", describe(request.matchers()), "startsAt", startsAt.toString(), "endsAt",
                        endsAt.toString()));
        return view(projectId, id);
    }

    /** Ends a silence now; it stays listed as expired. */
    @Transactional
    void expire(String projectId, UUID id, String actor) {
        view(projectId, id);
        Instant now = clock.instant();
        jdbc.sql("update silence set ends_at = least(ends_at, ?) where id = ?").params(Timestamp.from(now), id)
                .update();
        audit.record(projectId, actor, "alerts.silence.expired", "silence", id.toString(), Map.of());
    }

    List<SilenceView> list(String projectId) {
        Instant now = clock.instant();
        return jdbc.sql("select * from silence where project_id = ? order by starts_at desc").param(projectId)
                .query((rs, row) -> view(rs, now)).list();
    }

    SilenceView view(String projectId, UUID id) {
        Instant now = clock.instant();
        return jdbc.sql("select * from silence where project_id = ? and id = ?").params(projectId, id)
                .query((rs, row) -> view(rs, now)).optional()
                .orElseThrow(() -> new AlertsException(AlertsException.Reason.NOT_FOUND, "no silence " + id));
    }

    private SilenceView view(ResultSet rs, Instant now) throws SQLException {
        Instant startsAt = rs.getTimestamp("starts_at").toInstant();
        Instant endsAt = rs.getTimestamp("ends_at").toInstant();
        return new SilenceView(rs.getObject("id", UUID.class), matchers(rs), startsAt, endsAt, rs.getString("comment"),
                rs.getString("created_by"), !now.isBefore(startsAt) && now.isBefore(endsAt));
    }

    private List<PolicyDocument.MatcherDoc> matchers(ResultSet rs) throws SQLException {
        return json.readValue(rs.getString("matchers"), MATCHERS);
    }

    private static String describe(List<PolicyDocument.MatcherDoc> matchers) {
        return String.join(", ", matchers.stream().map(m -> m.field() + m.op() + m.value()).toList());
    }

    private static Instant instant(String text, String field) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw AlertsException.invalidField(AlertsException.Reason.INVALID_REQUEST, field,
                    "is not an RFC 3339 time such as 2026-11-22T03:15:00Z");
        }
    }

    private static Duration duration(String text) {
        try {
            Duration duration = DurationStyle.detectAndParse(text);
            if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofDays(90)) > 0) {
                throw new IllegalArgumentException("out of range");
            }
            return duration;
        } catch (IllegalArgumentException e) {
            throw AlertsException.invalidField(AlertsException.Reason.INVALID_REQUEST, "duration",
                    "must be a duration between 1s and 90d, like 2h");
        }
    }
}
