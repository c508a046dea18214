package io.chainmonitor.support.heartbeat;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The service's heartbeat on {@code cm.heartbeats.v1}, which the dead man's switch watches.
 *
 * @param enabled whether to publish heartbeats
 * @param interval time between two heartbeats; the first is sent at start
 */
@Validated
@ConfigurationProperties("chain-monitor.heartbeat")
record HeartbeatProperties(@DefaultValue("true") boolean enabled, @DefaultValue("15s") Duration interval) {

    HeartbeatProperties {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
    }
}
