package io.chainmonitor.support.observability;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Every meter of a service carries the tag {@code service} = {@code spring.application.name}. */
@AutoConfiguration
@ConditionalOnClass(MeterRegistryCustomizer.class)
final class ObservabilityAutoConfiguration {

    static final String SERVICE_TAG = "service";

    @Bean
    MeterRegistryCustomizer<MeterRegistry> serviceTag(Environment environment) {
        String service = environment.getProperty("spring.application.name", "unnamed-service");
        return registry -> registry.config().commonTags(SERVICE_TAG, service);
    }
}
