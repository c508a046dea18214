package io.chainmonitor.wirelistener.policy;

import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.audit.AuditEntry;
import io.chainmonitor.support.kafka.EventPublisher;
import io.chainmonitor.support.project.ProjectOwnership;
import io.chainmonitor.wirelistener.WireListenerApplication;
import io.chainmonitor.wirelistener.WireListenerException;
import io.chainmonitor.wirelistener.WireListenerException.Reason;
import io.chainmonitor.wirelistener.WireListenerProperties.CriticalPolicy;

/** A project's wire policy: what critical calls on its replicas get; owner only, every change audited. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/wire-policy")
class PolicyController {

    private static final String SOURCE = "/" + WireListenerApplication.NAME + "/policy";

    private final WirePolicies policies;
    private final ProjectOwnership ownership;
    private final EventPublisher publisher;
    private final Clock clock;

    PolicyController(WirePolicies policies, ProjectOwnership ownership, EventPublisher publisher, Clock clock) {
        this.policies = policies;
        this.ownership = ownership;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** The policy: {@code critical} ({@code forward}, {@code refuse}, {@code honeypot}) and whether it is stored. */
    record PolicyView(String critical, boolean configured) {
    }

    /** A change: {@code critical} only. */
    record PolicyChange(String critical) {
    }

    @GetMapping
    PolicyView get(Authentication caller, @PathVariable String projectId) {
        ownership.requireOwner(projectId, caller.getName());
        return view(projectId);
    }

    @PutMapping
    PolicyView put(Authentication caller, @PathVariable String projectId,
            @RequestBody(required = false) PolicyChange change) {
        ownership.requireOwner(projectId, caller.getName());
        if (change == null || change.critical() == null) {
            throw new WireListenerException(Reason.INVALID_REQUEST, "'critical' is required: " + choices());
        }
        CriticalPolicy critical;
        try {
            critical = CriticalPolicy.valueOf(change.critical().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new WireListenerException(Reason.INVALID_REQUEST,
                    "'critical' must be one of " + choices() + ", not '" + change.critical() + "'");
        }
        String before = policies.criticalFor(projectId).name().toLowerCase(Locale.ROOT);
        policies.store(projectId, critical, caller.getName(), clock.instant());
        // The change is confirmed only once it is in the audit log.
        publisher.publish(Envelope.of(SOURCE, "projects/" + projectId + "/wire-policy", projectId, Severity.LOW,
                new AuditEntry(caller.getName(), AuditEntry.ActorType.USER, "wire-policy.updated", "wire-policy",
                        projectId, AuditEntry.Outcome.SUCCEEDED, clock.instant(), null,
                        Map.of("critical", before + " -> " + critical.name().toLowerCase(Locale.ROOT)))))
                .join();
        return view(projectId);
    }

    private PolicyView view(String projectId) {
        return new PolicyView(policies.criticalFor(projectId).name().toLowerCase(Locale.ROOT),
                policies.stored(projectId).isPresent());
    }

    private static String choices() {
        return String.join(", ",
                Arrays.stream(CriticalPolicy.values()).map(p -> p.name().toLowerCase(Locale.ROOT)).toList());
    }
}
