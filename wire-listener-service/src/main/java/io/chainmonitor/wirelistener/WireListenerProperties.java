package io.chainmonitor.wirelistener;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import io.chainmonitor.events.Severity;

/**
 * Settings of the wire-listener-service, under {@code chain-monitor.wire-listener}.
 *
 * @param bindHost the address the public ports listen on; loopback unless the platform faces a network
 * @param publicHost the host name published in the listeners' URLs
 * @param critical what a critical RPC call gets, unless a project says otherwise
 * @param projectCritical what a critical RPC call gets on the replicas of a project, by project id
 * @param limits per-connection and per-source bounds
 * @param recording how observations are queued, aggregated and reported
 * @param metricsInterval how often request metrics are published per replica
 * @param chainTypeFiles extra chain type files of the operator, beside the built-in catalog
 */
@Validated
@ConfigurationProperties("chain-monitor.wire-listener")
public record WireListenerProperties(
        @NotBlank @DefaultValue("127.0.0.1") String bindHost,
        @NotBlank @DefaultValue("127.0.0.1") String publicHost,
        @NotNull @DefaultValue("refuse") CriticalPolicy critical,
        @DefaultValue Map<String, CriticalPolicy> projectCritical,
        @Valid @DefaultValue Limits limits,
        @Valid @DefaultValue Recording recording,
        @NotNull @DefaultValue("10s") Duration metricsInterval,
        @DefaultValue List<Path> chainTypeFiles) {

    /** What a critical call on a replica of the project gets: its own policy, else the service's. */
    public CriticalPolicy criticalFor(String projectId) {
        return projectCritical == null ? critical : projectCritical.getOrDefault(projectId, critical);
    }

    /** What a critical RPC call gets. */
    public enum CriticalPolicy {
        /** Passed to the node (still recorded). */
        FORWARD,
        /** Answered with a JSON-RPC error that says it was refused. */
        REFUSE,
        /** Answered like the node would answer a method it does not have; never forwarded. */
        HONEYPOT
    }

    /**
     * Bounds that keep one client from exhausting the listener or reaching the node with what it should not get.
     *
     * @param maxBodyBytes largest request body
     * @param maxResponseBytes largest node response passed back
     * @param maxHeaderBytes largest request line plus headers
     * @param maxJsonDepth deepest JSON nesting
     * @param maxBatch longest JSON-RPC batch
     * @param idleTimeout a connection idle (or stalled mid-request) this long is closed
     * @param maxConnections open connections per listening port
     * @param requestsPerSecond sustained requests per source address (token bucket)
     * @param burst requests a source may send at once above the sustained rate
     * @param handshakeTimeout how long a P2P client has to send its first bytes
     * @param maxWsFrameBytes largest WebSocket frame a client may send (a message of several frames is bounded by
     *        {@code maxBodyBytes})
     * @param maxSubscriptions open {@code eth_subscribe} subscriptions per WebSocket connection
     */
    public record Limits(
            @Min(1024) @DefaultValue("1048576") int maxBodyBytes,
            @Min(1024) @DefaultValue("67108864") int maxResponseBytes,
            @Min(1024) @DefaultValue("16384") int maxHeaderBytes,
            @Min(2) @DefaultValue("64") int maxJsonDepth,
            @Min(1) @DefaultValue("100") int maxBatch,
            @NotNull @DefaultValue("30s") Duration idleTimeout,
            @Min(1) @DefaultValue("2048") int maxConnections,
            @Min(1) @DefaultValue("200") int requestsPerSecond,
            @Min(1) @DefaultValue("400") int burst,
            @NotNull @DefaultValue("10s") Duration handshakeTimeout,
            @Min(125) @DefaultValue("262144") int maxWsFrameBytes,
            @Min(1) @DefaultValue("32") int maxSubscriptions) {
    }

    /**
     * How observations are recorded.
     *
     * @param queueCapacity observations waiting to be classified; beyond it they are dropped and counted
     * @param window how long repeated observations of one source and signature are counted into one incident
     * @param maxAggregates open (source, signature) windows; the oldest is closed early beyond it
     * @param findingSeverity the tier from which a signature's first occurrence also raises a finding
     */
    public record Recording(
            @Min(16) @DefaultValue("10000") int queueCapacity,
            @NotNull @DefaultValue("5m") Duration window,
            @Min(16) @DefaultValue("10000") int maxAggregates,
            @NotNull @DefaultValue("high") Severity findingSeverity) {
    }
}
