package io.chainmonitor.wirelistener;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Listens on each replica's public ports, passes recognized requests and reports the rest. */
@SpringBootApplication
@EnableConfigurationProperties(WireListenerProperties.class)
public class WireListenerApplication {

    /** The name of this service: its configuration file, application name and database schema owner. */
    public static final String NAME = "wire-listener-service";

    /** A builder that reads this service's own configuration file, so that services can share one JVM. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(WireListenerApplication.class).properties("spring.config.name=" + NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
