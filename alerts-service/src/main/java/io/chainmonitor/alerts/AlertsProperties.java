package io.chainmonitor.alerts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings of the alerts-service, under {@code chain-monitor.alerts}; they grow with the service's features. */
@Validated
@ConfigurationProperties("chain-monitor.alerts")
public record AlertsProperties() {
}
