package io.chainmonitor.support.kafka;

import java.time.Instant;
import java.util.Map;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.audit.AuditEntry;
import io.chainmonitor.events.heartbeat.Heartbeat;

/** Envelopes for the Kafka tests. */
final class TestEvents {

    static final String PROJECT = "0193a6c2-7f3e-7c1a-9b7e-2f0d1e4c5a6b";

    private TestEvents() {
    }

    static Envelope<AuditEntry> audit(String action) {
        AuditEntry entry = new AuditEntry("alice", AuditEntry.ActorType.USER, action, "project", PROJECT,
                AuditEntry.Outcome.SUCCEEDED, Instant.parse("2026-11-22T03:15:00Z"), null, Map.of("name", "demo"));
        return Envelope.of("/test/audit", "projects/" + PROJECT, PROJECT, Severity.LOW, entry);
    }

    static Envelope<Heartbeat> heartbeat() {
        Heartbeat heartbeat = new Heartbeat("test-service", "instance-1", "1.0", Instant.parse("2026-11-22T03:00:00Z"),
                Instant.parse("2026-11-22T03:15:00Z"), "up");
        return Envelope.of("/test-service/heartbeat", null, "platform", Severity.LOW, heartbeat);
    }

    /** An audit event whose data lacks its required {@code actor}: valid JSON, an invalid payload. */
    static String auditWithoutActor() {
        return """
                {"specversion":"1.0","id":"0193a6c2-7f3e-7c1a-9b7e-2f0d1e4c5a6c","type":"io.chainmonitor.audit.v1",
                 "source":"/test/audit","time":"2026-11-22T03:15:00Z","projectid":"%s","severity":"low",
                 "data":{"actorType":"user","action":"create","resourceType":"project","outcome":"succeeded",
                         "at":"2026-11-22T03:15:00Z"}}
                """.formatted(PROJECT);
    }
}
