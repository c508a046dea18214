package io.chainmonitor.reporter.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.events.EventCodec;

/** Stored reports: the document as made, so that a later download is the same report. */
@Repository
class ReportStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReportStore(JdbcClient jdbc, EventCodec codec) {
        this.jdbc = jdbc;
        this.json = codec.mapper();
    }

    void insert(ReportDocument document, String trigger, String createdBy) {
        jdbc.sql("""
                INSERT INTO report (id, project_id, kind, title, trigger, created_by, created_at, period_from,
                                    period_to, document)
                VALUES (:id, :project, :kind, :title, :trigger, :createdBy, :createdAt, :from, :to,
                        CAST(:document AS jsonb))
                """)
                .param("id", UUID.fromString(document.id()))
                .param("project", document.projectId())
                .param("kind", document.kind())
                .param("title", document.title())
                .param("trigger", trigger)
                .param("createdBy", createdBy)
                .param("createdAt", Timestamp.from(document.generatedAt()))
                .param("from", timestamp(document.periodFrom()))
                .param("to", timestamp(document.periodTo()))
                .param("document", json.writeValueAsString(document))
                .update();
    }

    Optional<StoredReport> find(String projectId, UUID id) {
        return jdbc.sql("SELECT * FROM report WHERE id = :id AND project_id = :project").param("id", id)
                .param("project", projectId).query(this::stored).optional();
    }

    Optional<StoredReport> find(UUID id) {
        return jdbc.sql("SELECT * FROM report WHERE id = :id").param("id", id).query(this::stored).optional();
    }

    List<StoredReport> list(String projectId, int limit) {
        return jdbc.sql("SELECT * FROM report WHERE project_id = :project ORDER BY created_at DESC, id DESC LIMIT "
                + limit).param("project", projectId).query(this::stored).list();
    }

    private StoredReport stored(ResultSet rs, int row) throws SQLException {
        return new StoredReport(rs.getObject("id", UUID.class), rs.getString("project_id"), rs.getString("kind"),
                rs.getString("title"), rs.getString("trigger"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("period_from")),
                instant(rs.getTimestamp("period_to")),
                json.readValue(rs.getString("document"), ReportDocument.class));
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    /** A stored report and its document. */
    record StoredReport(UUID id, String projectId, String kind, String title, String trigger, String createdBy,
            Instant createdAt, Instant periodFrom, Instant periodTo, ReportDocument document) {

        /** The file name of a download, e.g. {@code incident-report-1a2b3c4d.pdf}. */
        String fileName(ReportFormat format) {
            return kind.replace('_', '-') + "-report-" + id.toString().substring(0, 8) + "." + format.extension();
        }
    }
}
