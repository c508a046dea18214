package io.chainmonitor.spawner.runtime;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Gathers the runtimes the service has, in their declared order, to pick one by location. */
@Configuration(proxyBeanMethods = false)
class RuntimeConfiguration {

    @Bean
    ReplicaRuntimes replicaRuntimes(List<ReplicaRuntime> runtimes) {
        return new ReplicaRuntimes(runtimes);
    }
}
