package io.chainmonitor.standalone;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StandaloneConfiguration {

    @Bean
    StandalonePlatform standalonePlatform(StandaloneProperties properties) {
        return new StandalonePlatform(properties);
    }
}
