package io.chainmonitor.spawner;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Runs users' node binaries as monitored replicas: projects, binaries, replicas and their supervision. */
@SpringBootApplication
@EnableConfigurationProperties(SpawnerProperties.class)
public class SpawnerApplication {

    /** The name of this service: its configuration file, application name and database schema owner. */
    public static final String NAME = "spawner-service";

    /** A builder that reads this service's own configuration file, so that services can share one JVM. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(SpawnerApplication.class).properties("spring.config.name=" + NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
