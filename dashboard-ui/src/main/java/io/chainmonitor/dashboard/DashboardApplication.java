package io.chainmonitor.dashboard;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The web dashboard and the backend-for-frontend in front of the services. */
@SpringBootApplication
@EnableConfigurationProperties(DashboardProperties.class)
public class DashboardApplication {

    /** The name of this service: its configuration file, application name and database schema owner. */
    public static final String NAME = "dashboard-ui";

    /** A builder that reads this service's own configuration file, so that services can share one JVM. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(DashboardApplication.class).properties("spring.config.name=" + NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
