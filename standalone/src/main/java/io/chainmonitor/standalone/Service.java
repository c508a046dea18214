package io.chainmonitor.standalone;

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
}
