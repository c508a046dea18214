package io.chainmonitor.spawner.project;

import java.util.UUID;

/** A project was deleted; published within the deleting transaction, for whoever runs its replicas. */
public record ProjectDeleted(UUID projectId) {
}
