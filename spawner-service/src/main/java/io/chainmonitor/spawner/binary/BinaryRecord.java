package io.chainmonitor.spawner.binary;

import java.time.Instant;

/** A stored binary's metadata, as the API shows it. */
record BinaryRecord(String sha256, long size, BinaryKind kind, String entryPoint, String uploadedBy,
        Instant uploadedAt) {
}
