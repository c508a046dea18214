package io.chainmonitor.events;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The topic catalog: every Kafka topic of the platform with its key, partitions and cleanup. Every record is keyed
 * by project id, so one project's events stay in order.
 */
public enum Topic {
    /** Written by the spawner; read by the chain watcher, the wire listener and the health service. */
    PROJECTS("cm.projects.v1", 6, Cleanup.DELETE, Duration.ofDays(90), "project and replica lifecycle"),

    /** Written by the chain watcher; read by the health service and the reporter. */
    CHAIN_BLOCKS("cm.chain.blocks.v1", 12, Cleanup.DELETE, Duration.ofDays(7), "blocks as each replica sees them"),

    /** Written by the chain watcher, the wire listener and the spawner; read by the health service and the reporter. */
    CHAIN_METRICS("cm.chain.metrics.v1", 12, Cleanup.DELETE, Duration.ofDays(3),
            "metric batches: chain, node system and wire-listener samples"),

    /** Written by the spawner. */
    NODE_LOGS("cm.node.logs.v1", 6, Cleanup.DELETE, Duration.ofDays(3), "error lines from node output"),

    /** Written by the wire listener; read by the health service and the reporter. */
    WIRE_INCIDENTS("cm.wire.incidents.v1", 6, Cleanup.DELETE, Duration.ofDays(30),
            "unrecognized or critical requests seen by the wire listener"),

    /** Written by the health service (and any module with a finding of its own); read by alerts, action, reporter. */
    FINDINGS("cm.findings.v1", 6, Cleanup.DELETE, Duration.ofDays(30),
            "rule and signature findings, firing and resolved"),

    /** Written by the health service; read by the reporter. */
    HEALTH_REPORTS("cm.health.reports.v1", 3, Cleanup.DELETE, Duration.ofDays(30),
            "periodic and on-demand health reports"),

    /** Written by the alerts service; read by the reporter. */
    ALERT_NOTIFICATIONS("cm.alerts.notifications.v1", 3, Cleanup.DELETE, Duration.ofDays(30),
            "notifications sent, failed or suppressed"),

    /** Written by the action service; read by the reporter. */
    ACTIONS("cm.actions.v1", 3, Cleanup.DELETE, Duration.ofDays(90),
            "actions proposed, approved, run and their outcome"),

    /** Written by every service; read by the reporter. */
    AUDIT("cm.audit.v1", 3, Cleanup.DELETE, Duration.ofDays(365), "every configuration change and action taken"),

    /** Written by every service; read by the health service's dead man's switch. */
    HEARTBEATS("cm.heartbeats.v1", 1, Cleanup.DELETE, Duration.ofDays(1), "service liveness"),

    /** Written by the rules API; compacted, so it always holds each project's latest rule set. */
    RULES("cm.rules.v1", 6, Cleanup.COMPACT, null, "a project's current rule set"),

    /** Written by the reporter; read by the alerts service, which emails scheduled reports. */
    REPORTS("cm.reports.v1", 3, Cleanup.DELETE, Duration.ofDays(30), "scheduled reports ready for delivery");

    /** Suffix of the dead-letter topic that takes a topic's records that cannot be processed. */
    public static final String DEAD_LETTER_SUFFIX = "-dlt";
    /** How long dead letters are kept for an operator to look at and replay. */
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);
    /** What every record is keyed by. */
    public static final String KEY = "project id";

    private final String topicName;
    private final int partitions;
    private final Cleanup cleanup;
    private final Duration retention;
    private final String description;

    Topic(String topicName, int partitions, Cleanup cleanup, Duration retention, String description) {
        this.topicName = topicName;
        this.partitions = partitions;
        this.cleanup = cleanup;
        this.retention = retention;
        this.description = description;
    }

    /** The Kafka topic name, {@code cm.<domain>.<stream>.v<major>}. */
    public String topicName() {
        return topicName;
    }

    public int partitions() {
        return partitions;
    }

    public Cleanup cleanup() {
        return cleanup;
    }

    /** How long records are kept; empty for a compacted topic, which keeps the latest record per key. */
    public Optional<Duration> retention() {
        return Optional.ofNullable(retention);
    }

    public String description() {
        return description;
    }

    /** The name of this topic's dead-letter topic. */
    public String deadLetterTopicName() {
        return topicName + DEAD_LETTER_SUFFIX;
    }

    /** The event types that travel on this topic. */
    public List<EventType> eventTypes() {
        return Arrays.stream(EventType.values()).filter(t -> t.topic() == this).toList();
    }

    /** Looks a topic up by its Kafka name. */
    public static Optional<Topic> byName(String topicName) {
        return Arrays.stream(values()).filter(t -> t.topicName.equals(topicName)).findFirst();
    }

    /** How a topic's old records go away. */
    public enum Cleanup {
        DELETE("delete"), COMPACT("compact");

        private final String policy;

        Cleanup(String policy) {
            this.policy = policy;
        }

        /** The value of the Kafka {@code cleanup.policy} config. */
        public String policy() {
            return policy;
        }
    }
}
