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
import io.chainmonitor.events.report.ReportReady;
import io.chainmonitor.events.rules.RuleSet;
import io.chainmonitor.events.wire.WireIncident;

/** Every event type: its CloudEvents {@code type}, its payload record, its topic and its schema. */
public enum EventType {
    /** A project was created, changed or deleted. */
    PROJECT_LIFECYCLE("io.chainmonitor.project.lifecycle.v1", ProjectLifecycle.class, Topic.PROJECTS),

    /** A replica of a project's node changed state. */
    REPLICA_LIFECYCLE("io.chainmonitor.replica.lifecycle.v1", ReplicaLifecycle.class, Topic.PROJECTS),

    /** A block as one replica saw it, with the reorg it caused if any. */
    CHAIN_BLOCK("io.chainmonitor.chain.block.v1", ChainBlock.class, Topic.CHAIN_BLOCKS),

    /** Samples of chain, node system and wire-listener metrics for one replica. */
    METRIC_BATCH("io.chainmonitor.chain.metrics.v1", MetricBatch.class, Topic.CHAIN_METRICS),

    /** An error or warning line a node wrote. */
    NODE_LOG_LINE("io.chainmonitor.node.log.v1", NodeLogLine.class, Topic.NODE_LOGS),

    /** An unrecognized or critical request seen by the wire listener. */
    WIRE_INCIDENT("io.chainmonitor.wire.incident.v1", WireIncident.class, Topic.WIRE_INCIDENTS),

    /** A rule or attack signature fired or resolved. */
    FINDING("io.chainmonitor.finding.v1", Finding.class, Topic.FINDINGS),

    /** A periodic or on-demand health report of a project. */
    HEALTH_REPORT("io.chainmonitor.health.report.v1", HealthReport.class, Topic.HEALTH_REPORTS),

    /** A notification sent, failed or suppressed. */
    ALERT_NOTIFICATION("io.chainmonitor.alert.notification.v1", AlertNotification.class, Topic.ALERT_NOTIFICATIONS),

    /** An action proposed, approved, run or rehearsed, and its outcome. */
    ACTION_EXECUTION("io.chainmonitor.action.execution.v1", ActionExecution.class, Topic.ACTIONS),

    /** A configuration change or an action taken. */
    AUDIT_ENTRY("io.chainmonitor.audit.v1", AuditEntry.class, Topic.AUDIT),

    /** A service instance is alive. */
    HEARTBEAT("io.chainmonitor.heartbeat.v1", Heartbeat.class, Topic.HEARTBEATS),

    /** A project's current rule set. */
    RULE_SET("io.chainmonitor.rules.set.v1", RuleSet.class, Topic.RULES),

    /** A scheduled report was stored and is ready for delivery. */
    REPORT_READY("io.chainmonitor.report.ready.v1", ReportReady.class, Topic.REPORTS);

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
