package io.chainmonitor.chainwatcher;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings of the chain-watcher-service, under {@code chain-monitor.chain-watcher}; they grow with the service's features. */
@Validated
@ConfigurationProperties("chain-monitor.chain-watcher")
public record ChainWatcherProperties() {
}
