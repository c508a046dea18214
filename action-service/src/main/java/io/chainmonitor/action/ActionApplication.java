package io.chainmonitor.action;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Responds to findings with actions: inform exchanges, contain nodes, act on chain. */
@SpringBootApplication
@EnableConfigurationProperties(ActionProperties.class)
public class ActionApplication {

    /** The name of this service: its configuration file, application name and database schema owner. */
    public static final String NAME = "action-service";

    /** A builder that reads this service's own configuration file, so that services can share one JVM. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ActionApplication.class).properties("spring.config.name=" + NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
