-- Sources refused on every public port of a project until they expire; removed blocks stay as history.
create table source_block (
    id          uuid primary key,
    project_id  text        not null,
    source      text        not null,
    reason      text        not null,
    created_by  text        not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    removed_at  timestamptz,
    removed_by  text
);

create index source_block_active on source_block (project_id, expires_at) where removed_at is null;
