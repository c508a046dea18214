package io.chainmonitor.action;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings of the action-service, under {@code chain-monitor.action}; they grow with the service's features. */
@Validated
@ConfigurationProperties("chain-monitor.action")
public record ActionProperties() {
}
