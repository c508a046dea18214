package io.chainmonitor.spawner.binary;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Binary metadata ({@code node_binary}) and each project's binary history ({@code project_binary_history}). */
@Repository
class BinaryRepository {

    private final JdbcClient jdbc;

    BinaryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the binary unless its content is already known. */
    void insertIfAbsent(BinaryRecord binary) {
        jdbc.sql("insert into node_binary (sha256, size_bytes, kind, entry_point, uploaded_by, uploaded_at)"
                + " values (?, ?, ?, ?, ?, ?) on conflict (sha256) do nothing")
                .params(binary.sha256(), binary.size(), binary.kind().name(), binary.entryPoint(),
                        binary.uploadedBy(), Timestamp.from(binary.uploadedAt()))
                .update();
    }

    void addToHistory(UUID projectId, long revision, BinaryRecord binary) {
        jdbc.sql("insert into project_binary_history (project_id, binary_sha256, revision, uploaded_by, uploaded_at)"
                + " values (?, ?, ?, ?, ?)")
                .params(projectId, binary.sha256(), revision, binary.uploadedBy(), Timestamp.from(binary.uploadedAt()))
                .update();
    }

    /** The upload that gave the project its current binary. */
    Optional<BinaryRecord> current(UUID projectId, String sha256) {
        return jdbc.sql("select b.sha256, b.size_bytes, b.kind, b.entry_point, h.uploaded_by, h.uploaded_at"
                + " from project_binary_history h join node_binary b on b.sha256 = h.binary_sha256"
                + " where h.project_id = ? and h.binary_sha256 = ? order by h.id desc limit 1")
                .params(projectId, sha256)
                .query((rs, row) -> new BinaryRecord(rs.getString(1), rs.getLong(2),
                        BinaryKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .optional();
    }
}
