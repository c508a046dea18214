package io.chainmonitor.spawner.project;

import java.util.UUID;

/**
 * A project's binary or replica settings changed; published within the changing transaction, so that a running
 * deployment is rolled over to them once it commits.
 */
public record ProjectChanged(UUID projectId) {
}
