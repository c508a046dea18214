package io.chainmonitor.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings of the dashboard-ui, under {@code chain-monitor.dashboard}; they grow with the service's features. */
@Validated
@ConfigurationProperties("chain-monitor.dashboard")
public record DashboardProperties() {
}
