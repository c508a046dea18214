package io.chainmonitor.health.check;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.EventCodec;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.health.HealthReport;
import io.chainmonitor.health.HealthProperties;
import io.chainmonitor.rules.chain.ChainCatalog;
import io.chainmonitor.rules.chain.ChainType;
import io.chainmonitor.support.kafka.EventPublisher;

/**
 * Runs a project's health checks, on demand and periodically: judges the current state of every replica, stores
 * the report and publishes it on {@code cm.health.reports.v1}. A periodic round claims the projects that are due
 * in one statement, so several instances never check the same project twice.
 */
@Service
public class HealthChecks {

    static final String SOURCE = "/health-service/health-checks";
    private static final Logger LOG = LoggerFactory.getLogger(HealthChecks.class);

    private final CheckState state;
    private final ChainCatalog catalog;
    private final EventPublisher publisher;
    private final EventCodec codec;
    private final HealthProperties properties;
    private final Verdicts verdicts;
    private final Clock clock;

    HealthChecks(CheckState state, ChainCatalog catalog, EventPublisher publisher, EventCodec codec,
            HealthProperties properties, Clock clock) {
        this.state = state;
        this.catalog = catalog;
        this.publisher = publisher;
        this.codec = codec;
        this.properties = properties;
        this.verdicts = new Verdicts(properties.checks());
        this.clock = clock;
    }

    /** Checks one project now; the report is stored and published before it is returned. */
    public HealthReport check(String projectId, HealthReport.Trigger trigger) {
        Instant now = clock.instant();
        List<ReplicaRow> replicas = state.replicas(projectId);
        String chainType = state.chainType(projectId);
        boolean peering = chainType != null && catalog.find(chainType).map(ChainType::p2p).isPresent();
        Verdicts.Outcome outcome = verdicts.judge(replicas, state.firingBySeverity(projectId), peering, now);
        UUID id = UUID.randomUUID();
        HealthReport report = new HealthReport(id.toString(), trigger, now, outcome.overall(), outcome.replicas(),
                outcome.checks(), outcome.firing());
        state.saveReport(id, projectId, trigger.name(), now, outcome.overall().name(), json(report));
        Severity severity = switch (outcome.overall()) {
            case CRITICAL -> Severity.HIGH;
            case DEGRADED -> Severity.MEDIUM;
            default -> Severity.LOW;
        };
        try {
            publisher.publish(Envelope.of(SOURCE, "projects/" + projectId, projectId, severity, report))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing a health report", e);
        } catch (Exception e) {
            // The report is stored; the next round publishes a fresh one.
            LOG.warn("Health report {} of project {} was stored but not published: {}", id, projectId, e.toString());
        }
        return report;
    }

    /** Checks every project that is due, once each even when several instances run a round at the same time. */
    @Scheduled(fixedDelayString = "${chain-monitor.health.checks.round:15s}")
    public void periodic() {
        for (String projectId : state.claimDue(clock.instant(), properties.checks().interval())) {
            try {
                check(projectId, HealthReport.Trigger.PERIODIC);
            } catch (RuntimeException e) {
                LOG.warn("Periodic health check of project {} failed: {}", projectId, e.toString());
            }
        }
    }

    private String json(HealthReport report) {
        return codec.mapper().writeValueAsString(report);
    }
}
