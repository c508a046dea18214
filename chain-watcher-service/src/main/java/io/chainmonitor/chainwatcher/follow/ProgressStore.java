package io.chainmonitor.chainwatcher.follow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import io.chainmonitor.chainwatcher.reorg.SeenBlock;

/**
 * The followed replicas, how far each got and the blocks published for it (tables {@code replica} and
 * {@code published_block}). A block's row and the replica's new height are written in one transaction, after the
 * broker acknowledged the block's events.
 */
@Repository
public class ProgressStore implements FollowerProgress {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    ProgressStore(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Marks the replica followed at these endpoints, keeping its progress. */
    void follow(FollowedReplica replica) {
        jdbc.sql("""
                insert into replica (project_id, replica_id, chain_type, rpc_url, ws_url, following, updated_at)
                values (?, ?, ?, ?, ?, true, now())
                on conflict (project_id, replica_id) do update set chain_type = excluded.chain_type,
                    rpc_url = excluded.rpc_url, ws_url = excluded.ws_url, following = true, updated_at = now()
                """)
                .params(replica.key().projectId(), replica.key().replicaId(), replica.chainType(), replica.rpcUrl(),
                        replica.wsUrl())
                .update();
    }

    void unfollow(ReplicaKey key) {
        jdbc.sql("update replica set following = false, updated_at = now() where project_id = ? and replica_id = ?")
                .params(key.projectId(), key.replicaId())
                .update();
    }

    /** Forgets everything about a deleted project. */
    void forgetProject(String projectId) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("delete from published_block where project_id = ?").param(projectId).update();
            jdbc.sql("delete from replica where project_id = ?").param(projectId).update();
        });
    }

    /** Every replica to follow at start. */
    List<FollowedReplica> followed() {
        return jdbc.sql("select project_id, replica_id, chain_type, rpc_url, ws_url from replica where following")
                .query((rs, row) -> new FollowedReplica(new ReplicaKey(rs.getString(1), rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** Every replica of the project the watcher knows, followed or not. */
    public List<ReplicaRow> replicas(String projectId) {
        return jdbc.sql("""
                select replica_id, chain_type, following, height, hash, orphaned_blocks from replica
                where project_id = ? order by replica_id
                """)
                .param(projectId)
                .query((rs, row) -> new ReplicaRow(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        (Long) rs.getObject(4), rs.getString(5), rs.getLong(6)))
                .list();
    }

    @Override
    public Optional<ReplicaRow> replica(ReplicaKey key) {
        return replicas(key.projectId()).stream().filter(row -> row.replicaId().equals(key.replicaId())).findFirst();
    }

    /** The replica's last committed blocks, at most {@code limit}, lowest first. */
    @Override
    public List<SeenBlock> recent(ReplicaKey key, int limit) {
        List<SeenBlock> newestFirst = jdbc.sql("""
                select b.height, b.hash, b.parent_hash, b.block_time, b.producer from published_block b
                join replica r on r.project_id = b.project_id and r.replica_id = b.replica_id
                where b.project_id = ? and b.replica_id = ? and b.height <= r.height
                order by b.height desc limit ?
                """)
                .params(key.projectId(), key.replicaId(), limit)
                .query(ProgressStore::seen)
                .list();
        return newestFirst.reversed();
    }

    /** The published blocks of a replica between two heights, both included, lowest first. */
    public List<PublishedBlock> blocks(ReplicaKey key, long from, long to) {
        return jdbc.sql("""
                select b.height, b.hash, b.parent_hash, b.block_time, b.producer, b.transactions, b.reorg_depth,
                    b.event_id, b.published_at from published_block b
                join replica r on r.project_id = b.project_id and r.replica_id = b.replica_id
                where b.project_id = ? and b.replica_id = ? and b.height between ? and ? and b.height <= r.height
                order by b.height
                """)
                .params(key.projectId(), key.replicaId(), from, to)
                .query((rs, row) -> new PublishedBlock(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getInt(6), (Integer) rs.getObject(7),
                        rs.getObject(8, UUID.class), rs.getTimestamp(9).toInstant()))
                .list();
    }

    /**
     * Moves the replica to {@code block} in one transaction: rows of a replaced branch at or above its height go, its
     * row is written, the replica's height, hash and orphan count move. Rows far below are pruned.
     */
    @Override
    public void commit(ReplicaKey key, PublishedBlock block, long orphanedBlocks, int retainedBlocks) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("delete from published_block where project_id = ? and replica_id = ? and height >= ?")
                    .params(key.projectId(), key.replicaId(), block.height())
                    .update();
            jdbc.sql("""
                    insert into published_block (project_id, replica_id, height, hash, parent_hash, block_time,
                        producer, transactions, reorg_depth, event_id, published_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                    .params(key.projectId(), key.replicaId(), block.height(), block.hash(), block.parentHash(),
                            Timestamp.from(block.blockTime()), block.producer(), block.transactions(),
                            block.reorgDepth(), block.eventId(), Timestamp.from(block.publishedAt()))
                    .update();
            int moved = jdbc.sql("""
                    update replica set height = ?, hash = ?, orphaned_blocks = ?, updated_at = now()
                    where project_id = ? and replica_id = ?
                    """)
                    .params(block.height(), block.hash(), orphanedBlocks, key.projectId(), key.replicaId())
                    .update();
            if (moved != 1) {
                throw new IllegalStateException("replica " + key.subject() + " is no longer known");
            }
            if (block.height() % 1000 == 0) {
                jdbc.sql("delete from published_block where project_id = ? and replica_id = ? and height < ?")
                        .params(key.projectId(), key.replicaId(), block.height() - retainedBlocks)
                        .update();
            }
        });
    }

    private static SeenBlock seen(ResultSet rs, int row) throws SQLException {
        return new SeenBlock(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                rs.getString(5));
    }

    /** A replica to follow and where its node is. */
    record FollowedReplica(ReplicaKey key, String chainType, String rpcUrl, String wsUrl) {
    }

    /** A replica as the store knows it; {@code height} and {@code hash} are {@code null} before its first block. */
    public record ReplicaRow(String replicaId, String chainType, boolean following, Long height, String hash,
            long orphanedBlocks) {
    }

    /** A block published for a replica: its summary and the id of its {@code ChainBlock} event. */
    public record PublishedBlock(long height, String hash, String parentHash, Instant blockTime, String producer,
            int transactions, Integer reorgDepth, UUID eventId, Instant publishedAt) {
    }
}
