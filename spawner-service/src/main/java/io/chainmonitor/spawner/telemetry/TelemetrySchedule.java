package io.chainmonitor.spawner.telemetry;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.chainmonitor.spawner.SpawnerProperties;

/** The timer that runs {@link NodeTelemetry#collect()} every interval, on its own thread, until closed. */
final class TelemetrySchedule implements AutoCloseable {

    private final ScheduledExecutorService scheduler;

    private TelemetrySchedule(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    static TelemetrySchedule start(NodeTelemetry telemetry, SpawnerProperties.Telemetry settings) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("node-telemetry").factory());
        if (settings.enabled()) {
            long period = settings.interval().toMillis();
            scheduler.scheduleAtFixedRate(telemetry::collect, period, period, TimeUnit.MILLISECONDS);
        }
        return new TelemetrySchedule(scheduler);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
