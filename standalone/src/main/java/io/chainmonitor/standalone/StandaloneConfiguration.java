package io.chainmonitor.standalone;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.chainmonitor.standalone.demo.DemoDriver;
import io.chainmonitor.support.security.ServiceTokens;

@Configuration(proxyBeanMethods = false)
class StandaloneConfiguration {

    @Bean
    StandalonePlatform standalonePlatform(StandaloneProperties properties) {
        return new StandalonePlatform(properties);
    }

    /** The demo drives the platform through its public API with a token of the demo owner, as a user would. */
    @Bean
    DemoDriver demoDriver(StandaloneProperties properties, StandalonePlatform platform) {
        Clock clock = Clock.systemUTC();
        return new DemoDriver(properties.demo(), () -> {
            String key = new PlatformSecrets(properties.dataDirectory().toAbsolutePath().normalize().resolve("secrets"))
                    .tokenSigningKey();
            ServiceTokens tokens = new ServiceTokens(properties.demo().owner(), key, null, null, clock);
            return new DemoDriver.Platform(platform.urlOf(Service.SPAWNER), platform.urlOf(Service.WIRE_LISTENER),
                    platform.urlOf(Service.REPORTER), () -> tokens.authorization().orElseThrow());
        }, clock, StandalonePlatform.PHASE + 1);
    }
}
