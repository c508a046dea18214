package io.chainmonitor.spawner.project;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A user's project: one chain type, its node binary and its replica settings.
 *
 * @param binarySha256 the current binary's hash; absent until one is uploaded
 * @param revision grows by one with every change
 */
public record Project(UUID id, String owner, String name, String chainType, ReplicaSettings replicas,
        String binarySha256, long revision, Instant createdAt, Instant updatedAt) {

    static final int MAX_NAME_LENGTH = 100;

    /** The project after a change made at {@code at}: one revision further. */
    Project next(String newName, ReplicaSettings newReplicas, String newBinarySha256, Instant at) {
        return new Project(id, owner, newName, chainType, newReplicas, newBinarySha256, revision + 1, createdAt, at);
    }

    /** The current time as the database keeps it, to the microsecond, so that what is returned is what is stored. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
