package io.chainmonitor.spawner.runtime.docker;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.chainmonitor.spawner.SpawnerProperties;
import io.chainmonitor.spawner.runtime.RuntimeKind;

/**
 * The docker runtime, serving the locations of runtime {@code docker} (none by default: then it holds no engine and
 * does nothing). On start it re-adopts or removes the containers an earlier spawner left.
 */
@Configuration(proxyBeanMethods = false)
class DockerRuntimeConfiguration {

    @Bean(destroyMethod = "shutdown")
    DockerReplicaRuntime dockerReplicaRuntime(SpawnerProperties properties, ObjectProvider<Clock> clock) {
        DockerReplicaRuntime runtime = new DockerReplicaRuntime(properties.runtime(), properties.docker(),
                properties.targetsRunBy(RuntimeKind.DOCKER), clock.getIfAvailable(Clock::systemUTC));
        runtime.adoptLeftovers();
        return runtime;
    }
}
