package io.chainmonitor.spawner.project;

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

/** Projects in the {@code project} table; deleted projects are kept but never returned. */
@Repository
class ProjectRepository {

    private static final String COLUMNS = "id, owner, name, chain_type, replicas, binary_sha256, revision, created_at,"
            + " updated_at";

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    ProjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Project project) {
        jdbc.sql("insert into project (" + COLUMNS + ") values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)")
                .params(project.id(), project.owner(), project.name(), project.chainType(),
                        json.writeValueAsString(project.replicas()), project.binarySha256(), project.revision(),
                        Timestamp.from(project.createdAt()), Timestamp.from(project.updatedAt()))
                .update();
    }

    void update(Project project) {
        jdbc.sql("update project set name = ?, replicas = ?::jsonb, binary_sha256 = ?, revision = ?, updated_at = ?"
                + " where id = ? and deleted_at is null")
                .params(project.name(), json.writeValueAsString(project.replicas()), project.binarySha256(),
                        project.revision(), Timestamp.from(project.updatedAt()), project.id())
                .update();
    }

    void markDeleted(UUID id, Instant at) {
        jdbc.sql("update project set deleted_at = ? where id = ?").params(Timestamp.from(at), id).update();
    }

    /** The live project, locked against concurrent changes until the transaction ends. */
    Optional<Project> findForUpdate(UUID id, String owner) {
        return jdbc.sql("select " + COLUMNS + " from project where id = ? and owner = ? and deleted_at is null"
                + " for update")
                .params(id, owner)
                .query(this::map)
                .optional();
    }

    Optional<Project> find(UUID id, String owner) {
        return jdbc.sql("select " + COLUMNS + " from project where id = ? and owner = ? and deleted_at is null")
                .params(id, owner)
                .query(this::map)
                .optional();
    }

    Optional<Project> findLive(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from project where id = ? and deleted_at is null")
                .param(id)
                .query(this::map)
                .optional();
    }

    List<Project> list(String owner) {
        return jdbc
                .sql("select " + COLUMNS + " from project where owner = ? and deleted_at is null order by created_at")
                .param(owner)
                .query(this::map)
                .list();
    }

    boolean nameTaken(String owner, String name, UUID except) {
        return jdbc.sql("select count(*) from project where owner = ? and name = ? and deleted_at is null and id <> ?")
                .params(owner, name, except)
                .query(Long.class)
                .single() > 0;
    }

    private Project map(ResultSet rs, int row) throws SQLException {
        return new Project(rs.getObject("id", UUID.class), rs.getString("owner"), rs.getString("name"),
                rs.getString("chain_type"), json.readValue(rs.getString("replicas"), ReplicaSettings.class),
                rs.getString("binary_sha256"), rs.getLong("revision"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
