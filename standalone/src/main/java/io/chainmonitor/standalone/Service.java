package io.chainmonitor.standalone;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.builder.SpringApplicationBuilder;

import io.chainmonitor.action.ActionApplication;
import io.chainmonitor.alerts.AlertsApplication;
import io.chainmonitor.chainwatcher.ChainWatcherApplication;
import io.chainmonitor.dashboard.DashboardApplication;
import io.chainmonitor.health.HealthApplication;
import io.chainmonitor.reporter.ReporterApplication;
import io.chainmonitor.spawner.SpawnerApplication;
import io.chainmonitor.wirelistener.WireListenerApplication;

/** The services the standalone platform runs, each in its own application context. */
enum Service {
    DASHBOARD(DashboardApplication.NAME, DashboardApplication::builder), SPAWNER(SpawnerApplication.NAME,
            SpawnerApplication::builder), CHAIN_WATCHER(ChainWatcherApplication.NAME,
                    ChainWatcherApplication::builder), WIRE_LISTENER(WireListenerApplication.NAME,
                            WireListenerApplication::builder), HEALTH(HealthApplication.NAME,
                                    HealthApplication::builder), REPORTER(ReporterApplication.NAME,
                                            ReporterApplication::builder), ALERTS(AlertsApplication.NAME,
                                                    AlertsApplication::builder), ACTION(ActionApplication.NAME,
                                                            ActionApplication::builder);

    private final String serviceName;
    private final Supplier<SpringApplicationBuilder> builder;

    Service(String serviceName, Supplier<SpringApplicationBuilder> builder) {
        this.serviceName = serviceName;
        this.builder = builder;
    }

    String serviceName() {
        return serviceName;
    }

    SpringApplicationBuilder builder() {
        return builder.get();
    }

    /** Where the service keeps files of its own, so that everything the platform stores is in one data directory. */
    Map<String, Object> dataSettings(Path dataDirectory) {
        return switch (this) {
            case SPAWNER -> Map.of(
                    "chain-monitor.spawner.binary.store", dataDirectory.resolve("binaries").toString(),
                    "chain-monitor.spawner.runtime.data-directory", dataDirectory.resolve("replicas").toString());
            default -> Map.of();
        };
    }
}
