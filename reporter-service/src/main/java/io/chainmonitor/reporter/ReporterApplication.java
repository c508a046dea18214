package io.chainmonitor.reporter;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Stores every event and turns it into incidents, reports and a live feed. */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(ReporterProperties.class)
public class ReporterApplication {

    /** The name of this service: its configuration file, application name and database schema owner. */
    public static final String NAME = "reporter-service";

    /** A builder that reads this service's own configuration file, so that services can share one JVM. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ReporterApplication.class).properties("spring.config.name=" + NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The clock of retention, partitions, schedules and share links; tests replace it to move time. */
    @Bean
    Clock reporterClock() {
        return Clock.systemUTC();
    }
}
