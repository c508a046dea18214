package io.chainmonitor.health;

import java.time.Duration;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the health-service, under {@code chain-monitor.health}.
 *
 * @param heartbeatStaleAfter how long after its last heartbeat a service instance counts as silent
 */
@Validated
@ConfigurationProperties("chain-monitor.health")
public record HealthProperties(@NotNull @DefaultValue("45s") Duration heartbeatStaleAfter) {
}
