package io.chainmonitor.support.heartbeat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.heartbeat.Heartbeat;
import io.chainmonitor.support.kafka.EventPublisher;

/**
 * Says on {@code cm.heartbeats.v1} that this service instance is alive: once when the application starts, then at a
 * fixed rate until it stops. A heartbeat that cannot be published is logged by the publisher; the next one is still
 * sent on time.
 */
public final class HeartbeatPublisher implements SmartLifecycle {

    /** The project id of events that belong to the platform rather than to a project. */
    static final String STATUS_UP = "up";

    private final EventPublisher events;
    private final Duration interval;
    private final Clock clock;
    private final String service;
    private final String instanceId = UUID.randomUUID().toString();
    private final String version;
    private final Instant startedAt;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private volatile ScheduledFuture<?> beating;

    HeartbeatPublisher(EventPublisher events, String service, String version, Duration interval, Clock clock) {
        this.events = events;
        this.service = service;
        this.version = version;
        this.interval = interval;
        this.clock = clock;
        this.startedAt = clock.instant();
        scheduler.setThreadNamePrefix("heartbeat-");
        scheduler.setDaemon(true);
    }

    /** The heartbeat this instance sends now. */
    Envelope<Heartbeat> heartbeat() {
        Instant now = clock.instant();
        Heartbeat heartbeat = new Heartbeat(service, instanceId, version, startedAt, now, STATUS_UP);
        return Envelope.of("/" + service + "/heartbeat", "services/" + service + "/instances/" + instanceId,
                Envelope.PLATFORM_PROJECT_ID, Severity.LOW, heartbeat);
    }

    @Override
    public void start() {
        scheduler.initialize();
        beating = scheduler.scheduleAtFixedRate(() -> events.publish(heartbeat()), interval);
    }

    @Override
    public void stop() {
        ScheduledFuture<?> current = beating;
        if (current != null) {
            current.cancel(false);
        }
        beating = null;
        scheduler.shutdown();
    }

    @Override
    public boolean isRunning() {
        return beating != null;
    }
}
