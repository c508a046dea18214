package io.chainmonitor.standalone;

import java.nio.file.Path;
import java.time.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the one-JVM platform, under {@code chain-monitor.standalone}. A port of 0 picks a free one.
 *
 * @param dataDirectory where the database, the broker's logs and the platform's secrets are kept across restarts
 * @param host the loopback address every embedded server and service binds to
 * @param postgresPort the embedded PostgreSQL's port
 * @param kafkaPort the embedded Kafka broker's client port
 * @param dashboardPort the dashboard's port; the services take the next seven ports after it unless told otherwise
 * @param servicePortBase the first of the seven services' ports (spawner first, in the order of {@link Service})
 * @param managementPortOffset added to a service's port to give its management (health, metrics) port; with
 *        port 0 the management port is picked freely too
 * @param startTimeout how long the platform may take to be healthy before start-up is abandoned
 */
@Validated
@ConfigurationProperties("chain-monitor.standalone")
public record StandaloneProperties(
        @NotNull @DefaultValue("data") Path dataDirectory,
        @NotNull @DefaultValue("127.0.0.1") String host,
        @Min(0) @Max(65535) @DefaultValue("15432") int postgresPort,
        @Min(0) @Max(65535) @DefaultValue("19092") int kafkaPort,
        @Min(0) @Max(65535) @DefaultValue("8080") int dashboardPort,
        @Min(0) @Max(65535) @DefaultValue("8081") int servicePortBase,
        @Min(1) @Max(10000) @DefaultValue("1000") int managementPortOffset,
        @NotNull @DefaultValue("120s") Duration startTimeout) {

    /** The main port of a service, or 0 when ports are picked freely. */
    int portOf(Service service) {
        if (service == Service.DASHBOARD) {
            return dashboardPort;
        }
        return servicePortBase == 0 ? 0 : servicePortBase + service.ordinal() - 1;
    }

    /** The management port of a service, or 0 when ports are picked freely. */
    int managementPortOf(Service service) {
        int port = portOf(service);
        return port == 0 ? 0 : port + managementPortOffset;
    }
}
