package io.chainmonitor.spawner.runtime.process;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.chainmonitor.spawner.SpawnerProperties;
import io.chainmonitor.spawner.runtime.RuntimeKind;

/**
 * The process runtime, which re-adopts (or cleans up) the replicas an earlier spawner left behind when it starts, and
 * leaves its own running (or stops them) when it shuts down.
 */
@Configuration(proxyBeanMethods = false)
class ProcessRuntimeConfiguration {

    @Bean(destroyMethod = "shutdown")
    ProcessReplicaRuntime processReplicaRuntime(SpawnerProperties properties, ObjectProvider<Clock> clock) {
        ProcessReplicaRuntime runtime = new ProcessReplicaRuntime(properties.runtime(),
                properties.locationsRunBy(RuntimeKind.PROCESS), clock.getIfAvailable(Clock::systemUTC));
        runtime.adoptLeftovers();
        return runtime;
    }
}
