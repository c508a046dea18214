package io.chainmonitor.wirelistener;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings of the wire-listener-service, under {@code chain-monitor.wire-listener}; they grow with the service's features. */
@Validated
@ConfigurationProperties("chain-monitor.wire-listener")
public record WireListenerProperties() {
}
