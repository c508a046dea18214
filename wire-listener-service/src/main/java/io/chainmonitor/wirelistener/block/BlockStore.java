package io.chainmonitor.wirelistener.block;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Blocks in table {@code source_block}; a removed or expired block stays as history. */
@Repository
class BlockStore {

    private static final RowMapper<SourceBlock> ROW = (rs, n) -> new SourceBlock(rs.getObject("id", UUID.class),
            rs.getString("project_id"), SourcePrefix.parse(rs.getString("source")), rs.getString("reason"),
            rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("expires_at").toInstant());

    private final JdbcClient jdbc;

    BlockStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SourceBlock block) {
        jdbc.sql("""
                insert into source_block (id, project_id, source, reason, created_by, created_at, expires_at)
                values (:id, :project, :source, :reason, :by, :created, :expires)""")
                .param("id", block.id()).param("project", block.projectId()).param("source", block.source().text())
                .param("reason", block.reason()).param("by", block.createdBy())
                .param("created", Timestamp.from(block.createdAt()))
                .param("expires", Timestamp.from(block.expiresAt())).update();
    }

    /** Blocks in force at {@code now}, of every project. */
    List<SourceBlock> active(Instant now) {
        return jdbc.sql("select * from source_block where removed_at is null and expires_at > :now order by created_at")
                .param("now", Timestamp.from(now)).query(ROW).list();
    }

    List<SourceBlock> active(String projectId, Instant now) {
        return jdbc.sql("""
                select * from source_block where project_id = :project and removed_at is null and expires_at > :now
                order by created_at""").param("project", projectId).param("now", Timestamp.from(now)).query(ROW)
                .list();
    }

    Optional<SourceBlock> find(String projectId, UUID id) {
        return jdbc.sql("select * from source_block where project_id = :project and id = :id and removed_at is null")
                .param("project", projectId).param("id", id).query(ROW).optional();
    }

    boolean remove(String projectId, UUID id, String by, Instant now) {
        return jdbc.sql("""
                update source_block set removed_at = :now, removed_by = :by
                where project_id = :project and id = :id and removed_at is null""")
                .param("now", Timestamp.from(now)).param("by", by).param("project", projectId).param("id", id)
                .update() == 1;
    }
}
