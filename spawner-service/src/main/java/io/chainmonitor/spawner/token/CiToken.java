package io.chainmonitor.spawner.token;

import java.time.Instant;
import java.util.UUID;

/** A CI token as stored and listed: never its secret. */
record CiToken(UUID id, UUID projectId, String name, String prefix, String createdBy, Instant createdAt,
        Instant expiresAt, Instant revokedAt) {
}
