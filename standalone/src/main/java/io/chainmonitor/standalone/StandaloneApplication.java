package io.chainmonitor.standalone;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The whole platform in one JVM: an embedded PostgreSQL, an embedded Kafka broker (KRaft), the topics of the
 * catalog, every service and the dashboard, each in its own application context on its own ports. The launcher's
 * own context has no auto-configuration: it holds nothing but the platform it starts.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(StandaloneProperties.class)
@Import(StandaloneConfiguration.class)
public class StandaloneApplication {

    public static final String NAME = "standalone";

    /** A builder for the launcher context, which starts the platform and stops it when closed. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(StandaloneApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.config.name=" + NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
