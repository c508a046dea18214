package io.chainmonitor.spawner.deployment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.spawner.project.ReplicaSettings;
import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.supervision.ReplicaJournal;

/** Deployments and their replicas in the {@code deployment} and {@code deployment_replica} tables. */
@Repository
class DeploymentRepository {

    private static final String REPLICA_COLUMNS = "replica_id, location, runtime, binary_sha256, extra_args, ports,"
            + " state, pid, restarts, last_exit_code, last_reason, crash_loop_since";

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    DeploymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new deployment with its replicas; a second one of the same project breaks the primary key. */
    @Transactional
    void insert(StoredDeployment deployment) {
        Timestamp now = Timestamp.from(deployment.deployedAt());
        jdbc.sql("insert into deployment (project_id, chain_type, binary_sha256, replicas, deployed_at, updated_at)"
                + " values (?, ?, ?, ?::jsonb, ?, ?)")
                .params(deployment.projectId(), deployment.chainType(), deployment.binarySha256(),
                        json.writeValueAsString(deployment.settings()), now, now)
                .update();
        deployment.replicas().forEach(replica -> insertReplica(deployment.projectId(), replica));
    }

    void insertReplica(UUID projectId, StoredDeployment.Replica replica) {
        jdbc.sql("insert into deployment_replica (project_id, " + REPLICA_COLUMNS + ", updated_at)"
                + " values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)")
                .params(projectId, replica.replicaId(), replica.location(), replica.runtime(), replica.binarySha256(),
                        json.writeValueAsString(replica.extraArgs()), json.writeValueAsString(replica.ports()),
                        replica.state(), replica.pid(), replica.restarts(),
                        replica.lastExitCode(), replica.lastReason(), timestamp(replica.crashLoopSince()),
                        Timestamp.from(Instant.now()))
                .update();
    }

    void deleteReplica(UUID projectId, String replicaId) {
        jdbc.sql("delete from deployment_replica where project_id = ? and replica_id = ?")
                .params(projectId, replicaId).update();
    }

    /**
     * Records what a replica replaced in place now runs (a rollout's upgrade, or its undoing): the same id, ports and
     * data directory.
     */
    void replaceReplica(UUID projectId, String replicaId, String binarySha256, List<String> extraArgs) {
        jdbc.sql("update deployment_replica set binary_sha256 = ?, extra_args = ?::jsonb, state = ?, updated_at = ?"
                + " where project_id = ? and replica_id = ?")
                .params(binarySha256, json.writeValueAsString(extraArgs), "STARTING", Timestamp.from(Instant.now()),
                        projectId, replicaId)
                .update();
    }

    /** Records how the deployment's rollout stands. */
    void updateRollout(UUID projectId, LiveDeployment.Rollout rollout) {
        jdbc.sql("update deployment set rollout_state = ?, rollout_detail = ?, updated_at = ? where project_id = ?")
                .params(rollout.state(), truncate(rollout.detail()), Timestamp.from(Instant.now()), projectId)
                .update();
    }

    /** Records what the deployment now runs, once a rollout finished. */
    void updateTarget(UUID projectId, String binarySha256, ReplicaSettings settings) {
        jdbc.sql("update deployment set binary_sha256 = ?, replicas = ?::jsonb, updated_at = ? where project_id = ?")
                .params(binarySha256, json.writeValueAsString(settings), Timestamp.from(Instant.now()), projectId)
                .update();
    }

    /**
     * Removes the deployment and its replicas; false when there was none. In a transaction of its own, committed at
     * once: it also runs after a project's deletion committed, while that transaction's connection is still bound, and
     * the supervisor's records of the stopping replicas must not wait for it.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean delete(UUID projectId) {
        return jdbc.sql("delete from deployment where project_id = ?").param(projectId).update() > 0;
    }

    /** Records a change the supervisor saw; nothing when the replica is no longer part of a deployment. */
    void record(ReplicaKey key, ReplicaJournal.Change change) {
        Long pid = change.running() == null ? null : change.running().pid();
        jdbc.sql("update deployment_replica set state = ?, pid = coalesce(?, pid), restarts = ?,"
                + " last_exit_code = coalesce(?, last_exit_code), last_reason = ?, crash_loop_since = ?,"
                + " updated_at = ? where project_id = ?::uuid and replica_id = ?")
                .params(change.state().name(), pid, change.restarts(), change.exitCode(), truncate(change.reason()),
                        timestamp(change.crashLoopSince()), Timestamp.from(Instant.now()), key.projectId(),
                        key.replicaId())
                .update();
    }

    Optional<StoredDeployment> find(UUID projectId) {
        return all("where project_id = ?", projectId).stream().findFirst();
    }

    List<StoredDeployment> findAll() {
        return all("", null);
    }

    private List<StoredDeployment> all(String where, UUID projectId) {
        String sql = "select project_id, chain_type, binary_sha256, replicas, deployed_at, rollout_state, rollout_detail"
                + " from deployment " + where
                + " order by deployed_at";
        var query = jdbc.sql(sql);
        if (projectId != null) {
            query = query.param(projectId);
        }
        List<StoredDeployment> deployments = new ArrayList<>();
        for (StoredDeployment deployment : query.query(this::deployment).list()) {
            List<StoredDeployment.Replica> replicas = new ArrayList<>(jdbc
                    .sql("select " + REPLICA_COLUMNS + " from deployment_replica where project_id = ?")
                    .param(deployment.projectId()).query(this::replica).list());
            replicas.sort(Comparator.comparingInt(StoredDeployment.Replica::number));
            deployments.add(new StoredDeployment(deployment.projectId(), deployment.chainType(),
                    deployment.binarySha256(), deployment.settings(), deployment.deployedAt(), deployment.rollout(),
                    List.copyOf(replicas)));
        }
        return deployments;
    }

    private StoredDeployment deployment(ResultSet rs, int row) throws SQLException {
        return new StoredDeployment(rs.getObject("project_id", UUID.class), rs.getString("chain_type"),
                rs.getString("binary_sha256"), json.readValue(rs.getString("replicas"), ReplicaSettings.class),
                rs.getTimestamp("deployed_at").toInstant(),
                new LiveDeployment.Rollout(rs.getString("rollout_state"), rs.getString("rollout_detail")), List.of());
    }

    private StoredDeployment.Replica replica(ResultSet rs, int row) throws SQLException {
        Map<String, Integer> ports = json.readValue(rs.getString("ports"), new TypeReference<Map<String, Integer>>() {
        });
        Map<PortRole, Integer> roles = new EnumMap<>(PortRole.class);
        ports.forEach((role, port) -> roles.put(PortRole.valueOf(role), port));
        Timestamp since = rs.getTimestamp("crash_loop_since");
        return new StoredDeployment.Replica(rs.getString("replica_id"), rs.getString("location"),
                rs.getString("runtime"), rs.getString("binary_sha256"),
                json.readValue(rs.getString("extra_args"), new TypeReference<List<String>>() {
                }), roles, rs.getString("state"),
                (Long) rs.getObject("pid", Long.class), rs.getInt("restarts"),
                rs.getObject("last_exit_code", Integer.class), rs.getString("last_reason"),
                since == null ? null : since.toInstant());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= 1024 ? reason : reason.substring(0, 1024);
    }
}
