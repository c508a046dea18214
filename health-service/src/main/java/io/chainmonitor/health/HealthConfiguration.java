package io.chainmonitor.health;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.chainmonitor.rules.chain.ChainCatalog;

/** What the health service's features share: one chain catalog (built in plus the operator's files), the clock. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class HealthConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    ChainCatalog chainCatalog(HealthProperties properties) {
        return ChainCatalog.withBuiltIn(properties.rules().chainTypeFiles());
    }
}
