package io.chainmonitor.alerts.dispatch;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.chainmonitor.alerts.AlertsProperties;
import io.chainmonitor.alerts.audit.Outbox;

/**
 * The lifecycle's heartbeat: every tick it asks the service's {@code Clock} what is due — group notifications,
 * reminders, escalations, deliveries and their retries — and publishes the notification log and audit entries. All
 * timers are rows in the database, so a tick after a restart picks up where the last one stopped; tests move the clock
 * and call {@link #tick()} themselves.
 */
@Component
public class LifecycleTicker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LifecycleTicker.class);

    private final GroupFlusher groups;
    private final java.util.List<DueWork> extraWork;
    private final DeliveryWorker deliveries;
    private final NotificationLog notificationLog;
    private final Outbox outbox;
    private final AlertsProperties properties;
    private ScheduledExecutorService executor;

    LifecycleTicker(GroupFlusher groups, java.util.List<DueWork> extraWork, DeliveryWorker deliveries,
            NotificationLog notificationLog, Outbox outbox, AlertsProperties properties) {
        this.groups = groups;
        this.extraWork = extraWork;
        this.deliveries = deliveries;
        this.notificationLog = notificationLog;
        this.outbox = outbox;
        this.properties = properties;
    }

    /** One round; safe to call from several threads or instances (rows are locked, not threads). */
    public synchronized void tick() {
        groups.run();
        extraWork.forEach(DueWork::run);
        deliveries.sendDue();
        notificationLog.publishPending();
        outbox.relay();
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            // Kept for the next tick: every timer is still in the database.
            log.warn("alert lifecycle tick failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("alerts-ticker").factory());
            long interval = properties.tickInterval().toMillis();
            executor.scheduleWithFixedDelay(this::safeTick, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** Work of another package that the ticker runs each round, such as escalation. */
    public interface DueWork {

        int run();
    }
}
