package io.chainmonitor.reporter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings of the reporter-service, under {@code chain-monitor.reporter}; they grow with the service's features. */
@Validated
@ConfigurationProperties("chain-monitor.reporter")
public record ReporterProperties() {
}
