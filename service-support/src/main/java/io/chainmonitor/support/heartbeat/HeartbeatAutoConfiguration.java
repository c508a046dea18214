package io.chainmonitor.support.heartbeat;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import io.chainmonitor.support.kafka.EventPublisher;

/** Publishes the service's heartbeat unless {@code chain-monitor.heartbeat.enabled} is false. */
@AutoConfiguration(afterName = "io.chainmonitor.support.kafka.KafkaSupportAutoConfiguration")
@ConditionalOnBooleanProperty(name = "chain-monitor.heartbeat.enabled", matchIfMissing = true)
@ConditionalOnBean(EventPublisher.class)
@EnableConfigurationProperties(HeartbeatProperties.class)
final class HeartbeatAutoConfiguration {

    @Bean
    HeartbeatPublisher heartbeatPublisher(EventPublisher events, HeartbeatProperties properties,
            Environment environment, ObjectProvider<BuildProperties> build) {
        String service = environment.getProperty("spring.application.name", "unnamed-service");
        BuildProperties buildProperties = build.getIfAvailable();
        String version = buildProperties != null ? buildProperties.getVersion() : null;
        return new HeartbeatPublisher(events, service, version, properties.interval(), Clock.systemUTC());
    }
}
