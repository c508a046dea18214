package io.chainmonitor.spawner.telemetry;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.chainmonitor.spawner.SpawnerProperties;
import io.chainmonitor.spawner.runtime.ReplicaRuntimes;
import io.chainmonitor.support.kafka.EventPublisher;

/** Node log forwarding, always on, and node system telemetry every interval when enabled. */
@Configuration(proxyBeanMethods = false)
class TelemetryConfiguration {

    @Bean
    NodeLogForwarder nodeLogForwarder(ReplicaRuntimes runtimes, EventPublisher publisher,
            SpawnerProperties properties, ObjectProvider<Clock> clock) {
        SpawnerProperties.Telemetry settings = properties.telemetry();
        NodeLogForwarder forwarder = new NodeLogForwarder(publisher,
                new LogRateLimiter(settings.logLinesPerWindow(), settings.logRateWindow()),
                clock.getIfAvailable(Clock::systemUTC));
        runtimes.all().forEach(runtime -> runtime.addListener(forwarder));
        return forwarder;
    }

    @Bean
    NodeTelemetry nodeTelemetry(ReplicaRuntimes runtimes, NodeLogForwarder logs, EventPublisher publisher,
            ObjectProvider<Clock> clock) {
        return new NodeTelemetry(runtimes, new ReplicaSampler(new ProcFileSystem(Path.of("/proc"))), logs, publisher,
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean(destroyMethod = "close")
    TelemetrySchedule nodeTelemetrySchedule(NodeTelemetry telemetry, SpawnerProperties properties) {
        return TelemetrySchedule.start(telemetry, properties.telemetry());
    }
}
