-- The replicas the watcher follows and how far it got: resumed at start (the lifecycle event that started following
-- was consumed before a restart), and the last processed block is where the backfill continues.
CREATE TABLE replica (
    project_id      text        NOT NULL,
    replica_id      text        NOT NULL,
    chain_type      text        NOT NULL,
    rpc_url         text        NOT NULL,
    ws_url          text,
    following       boolean     NOT NULL,
    height          bigint,
    hash            text,
    orphaned_blocks bigint      NOT NULL DEFAULT 0,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, replica_id)
);

-- One row per block published for a replica on its current branch, written in the same transaction that moves the
-- replica's height: the reorg window is rebuilt from here after a restart, and the blocks API reads it. Rows of a
-- replaced branch are deleted when the new branch's block at their height is committed.
CREATE TABLE published_block (
    project_id   text        NOT NULL,
    replica_id   text        NOT NULL,
    height       bigint      NOT NULL,
    hash         text        NOT NULL,
    parent_hash  text,
    block_time   timestamptz NOT NULL,
    producer     text,
    transactions integer     NOT NULL,
    reorg_depth  integer,
    event_id     uuid        NOT NULL,
    published_at timestamptz NOT NULL,
    PRIMARY KEY (project_id, replica_id, height)
);
