package io.chainmonitor.health;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Evaluates the rules on the metric stream, emits findings and runs health checks. */
@SpringBootApplication
@EnableConfigurationProperties(HealthProperties.class)
public class HealthApplication {

    /** The name of this service: its configuration file, application name and database schema owner. */
    public static final String NAME = "health-service";

    /** A builder that reads this service's own configuration file, so that services can share one JVM. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(HealthApplication.class).properties("spring.config.name=" + NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
