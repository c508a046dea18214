package io.chainmonitor.chainwatcher;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Follows every replica's chain, computes chain metrics and detects reorgs without skipping a block. */
@SpringBootApplication
@EnableConfigurationProperties(ChainWatcherProperties.class)
public class ChainWatcherApplication {

    /** The name of this service: its configuration file, application name and database schema owner. */
    public static final String NAME = "chain-watcher-service";

    /** A builder that reads this service's own configuration file, so that services can share one JVM. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ChainWatcherApplication.class).properties("spring.config.name=" + NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
