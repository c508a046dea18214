package io.chainmonitor.wirelistener.block;

import java.time.Instant;
import java.util.UUID;

/** A source refused on every listener of a project until it expires. */
public record SourceBlock(UUID id, String projectId, SourcePrefix source, String reason, String createdBy,
        Instant createdAt, Instant expiresAt) {
}
