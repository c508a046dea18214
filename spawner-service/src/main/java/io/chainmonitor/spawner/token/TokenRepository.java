package io.chainmonitor.spawner.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** CI tokens in {@code ci_token}, by their secret's hash. */
@Repository
class TokenRepository {

    private static final String COLUMNS = "t.id, t.project_id, t.name, t.prefix, t.created_by, t.created_at,"
            + " t.expires_at, t.revoked_at";

    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CiToken token, String hash) {
        jdbc.sql("insert into ci_token (id, project_id, name, prefix, token_hash, created_by, created_at, expires_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(token.id(), token.projectId(), token.name(), token.prefix(), hash, token.createdBy(),
                        Timestamp.from(token.createdAt()), timestamp(token.expiresAt()))
                .update();
    }

    List<CiToken> list(UUID projectId) {
        return jdbc.sql("select " + COLUMNS + " from ci_token t where t.project_id = ? order by t.created_at")
                .param(projectId)
                .query(TokenRepository::map)
                .list();
    }

    /** Revokes a live token of the project; false when there is none. */
    boolean revoke(UUID projectId, UUID id, Instant at) {
        return jdbc.sql("update ci_token set revoked_at = ? where id = ? and project_id = ? and revoked_at is null")
                .params(Timestamp.from(at), id, projectId)
                .update() == 1;
    }

    /** The token with this hash, with its project's owner, if it is live and its project is not deleted. */
    Optional<Active> findActive(String hash, Instant now) {
        return jdbc.sql("select t.id, t.project_id, p.owner from ci_token t join project p on p.id = t.project_id"
                + " where t.token_hash = ? and t.revoked_at is null and (t.expires_at is null or t.expires_at > ?)"
                + " and p.deleted_at is null")
                .params(hash, Timestamp.from(now))
                .query((rs, row) -> new Active(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3)))
                .optional();
    }

    record Active(UUID id, UUID projectId, String owner) {
    }

    private static CiToken map(ResultSet rs, int row) throws SQLException {
        return new CiToken(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getString("name"), rs.getString("prefix"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("revoked_at")));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
