-- How the deployment's last rollout went (none, rolling, done, failed) and why, so that a restarted spawner shows it
-- and carries on with a rollout it was in the middle of.
alter table deployment
    add column rollout_state  varchar(16)   not null default 'none',
    add column rollout_detail varchar(1024);

-- The project's extra node arguments each replica was started with: a rollout to new arguments may be half done when
-- the spawner stops, and the replicas it already replaced must be restarted with their new arguments, not the old.
alter table deployment_replica
    add column extra_args jsonb not null default '[]';
