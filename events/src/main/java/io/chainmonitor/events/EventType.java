package io.chainmonitor.events;

import java.util.Arrays;
import java.util.Optional;

import io.chainmonitor.events.action.ActionExecution;
import io.chainmonitor.events.alert.AlertNotification;
import io.chainmonitor.events.audit.AuditEntry;
import io.chainmonitor.events.chain.ChainBlock;
import io.chainmonitor.events.chain.MetricBatch;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.health.HealthReport;
import io.chainmonitor.events.heartbeat.Heartbeat;
import io.chainmonitor.events.node.NodeLogLine;
import io.chainmonitor.events.project.ProjectLifecycle;
import io.chainmonitor.events.project.ReplicaLifecycle;
import io.chainmonitor.events.rules.RuleSet;
import io.chainmonitor.events.wire.WireIncident;

/** Every event type: its CloudEvents {@code type}, its payload record, its topic and its schema. */
public enum EventType {
    PROJECT_LIFECYCLE("io.chainmonitor.project.lifecycle.v1", ProjectLifecycle.class,
            Topic.PROJECTS), REPLICA_LIFECYCLE("io.chainmonitor.replica.lifecycle.v1", ReplicaLifecycle.class,
                    Topic.PROJECTS), CHAIN_BLOCK("io.chainmonitor.chain.block.v1", ChainBlock.class,
                            Topic.CHAIN_BLOCKS), METRIC_BATCH("io.chainmonitor.chain.metrics.v1", MetricBatch.class,
                                    Topic.CHAIN_METRICS), NODE_LOG_LINE("io.chainmonitor.node.log.v1",
                                            NodeLogLine.class, Topic.NODE_LOGS), WIRE_INCIDENT(
                                                    "io.chainmonitor.wire.incident.v1", WireIncident.class,
                                                    Topic.WIRE_INCIDENTS), FINDING("io.chainmonitor.finding.v1",
                                                            Finding.class, Topic.FINDINGS), HEALTH_REPORT(
                                                                    "io.chainmonitor.health.report.v1",
                                                                    HealthReport.class,
                                                                    Topic.HEALTH_REPORTS), ALERT_NOTIFICATION(
                                                                            "io.chainmonitor.alert.notification.v1",
                                                                            AlertNotification.class,
                                                                            Topic.ALERT_NOTIFICATIONS), ACTION_EXECUTION(
                                                                                    "io.chainmonitor.action.execution.v1",
                                                                                    ActionExecution.class,
                                                                                    Topic.ACTIONS), AUDIT_ENTRY(
                                                                                            "io.chainmonitor.audit.v1",
                                                                                            AuditEntry.class,
                                                                                            Topic.AUDIT), HEARTBEAT(
                                                                                                    "io.chainmonitor.heartbeat.v1",
                                                                                                    Heartbeat.class,
                                                                                                    Topic.HEARTBEATS), RULE_SET(
                                                                                                            "io.chainmonitor.rules.set.v1",
                                                                                                            RuleSet.class,
                                                                                                            Topic.RULES);

    private final String type;
    private final Class<? extends EventPayload> payloadType;
    private final Topic topic;

    EventType(String type, Class<? extends EventPayload> payloadType, Topic topic) {
        this.type = type;
        this.payloadType = payloadType;
        this.topic = topic;
    }

    /** The CloudEvents {@code type} attribute. */
    public String type() {
        return type;
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    public Topic topic() {
        return topic;
    }

    /** The classpath resource of this payload's JSON Schema. */
    public String schemaResource() {
        return "schemas/" + type + ".schema.json";
    }

    /** Looks an event type up by its CloudEvents {@code type}. */
    public static Optional<EventType> byType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
