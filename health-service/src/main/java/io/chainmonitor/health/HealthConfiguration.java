package io.chainmonitor.health;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.chainmonitor.rules.chain.ChainCatalog;

/** What the health service's features share: one chain catalog, built in plus the operator's files. */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ChainCatalog chainCatalog(HealthProperties properties) {
        return ChainCatalog.withBuiltIn(properties.rules().chainTypeFiles());
    }
}
