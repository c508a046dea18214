package io.chainmonitor.alerts;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Tells people about findings by tier and channel, with the full alert lifecycle. */
@SpringBootApplication
@EnableConfigurationProperties(AlertsProperties.class)
public class AlertsApplication {

    /** The name of this service: its configuration file, application name and database schema owner. */
    public static final String NAME = "alerts-service";

    /** A builder that reads this service's own configuration file, so that services can share one JVM. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(AlertsApplication.class).properties("spring.config.name=" + NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
