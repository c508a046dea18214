package io.chainmonitor.spawner.runtime.kubernetes;

import java.time.Clock;
import java.util.Map;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.chainmonitor.spawner.SpawnerProperties;
import io.chainmonitor.spawner.runtime.RuntimeKind;

/**
 * The kubernetes runtime, serving the locations of runtime {@code kubernetes}; the cluster is the one fabric8 finds
 * (in-cluster service account, or kubeconfig). With no such location it never calls the cluster.
 */
@Configuration(proxyBeanMethods = false)
class KubernetesRuntimeConfiguration {

    @Bean
    BinaryGrants replicaBinaryGrants(SpawnerProperties properties, ObjectProvider<Clock> clock) {
        return new BinaryGrants(properties.kubernetes().binaryTokenTtl(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean(destroyMethod = "shutdown")
    KubernetesReplicaRuntime kubernetesReplicaRuntime(SpawnerProperties properties, BinaryGrants grants,
            ObjectProvider<Clock> clock) {
        Map<String, String> locations = properties.targetsRunBy(RuntimeKind.KUBERNETES);
        KubernetesReplicaRuntime runtime = new KubernetesReplicaRuntime(
                locations.isEmpty() ? null : new KubernetesClientBuilder().build(), properties.runtime(),
                properties.kubernetes(), locations, grants, clock.getIfAvailable(Clock::systemUTC));
        runtime.adoptLeftovers();
        return runtime;
    }
}
