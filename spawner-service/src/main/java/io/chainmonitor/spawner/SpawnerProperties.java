package io.chainmonitor.spawner;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings of the spawner-service, under {@code chain-monitor.spawner}; they grow with the service's features. */
@Validated
@ConfigurationProperties("chain-monitor.spawner")
public record SpawnerProperties() {
}
