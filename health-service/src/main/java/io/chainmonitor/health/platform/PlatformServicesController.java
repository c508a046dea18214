package io.chainmonitor.health.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.chainmonitor.health.HealthProperties;

/** The platform's own services as their heartbeats tell: which instance was last heard of when. */
@RestController
class PlatformServicesController {

    private final HeartbeatStore store;
    private final HealthProperties properties;
    private final Clock clock;

    PlatformServicesController(HeartbeatStore store, HealthProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/api/v1/platform/services")
    List<ServiceView> services() {
        Instant silentBefore = clock.instant().minus(properties.heartbeatStaleAfter());
        return store.all().stream()
                .map(i -> new ServiceView(i.service(), i.instanceId(), i.version(), i.startedAt(), i.lastSeenAt(),
                        i.status(), i.lastSeenAt().isAfter(silentBefore)))
                .toList();
    }

    /** A service instance and whether it has been heard of recently enough to count as alive. */
    record ServiceView(String service, String instanceId, String version, Instant startedAt, Instant lastSeenAt,
            String status, boolean alive) {
    }
}
