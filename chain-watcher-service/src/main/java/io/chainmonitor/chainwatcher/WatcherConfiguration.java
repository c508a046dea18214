package io.chainmonitor.chainwatcher;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.chainmonitor.adapters.ChainClientFactory;
import io.chainmonitor.adapters.ChainClients;
import io.chainmonitor.chainwatcher.follow.WatcherEvents;
import io.chainmonitor.rules.chain.ChainCatalog;
import io.chainmonitor.support.kafka.EventPublisher;

/** The watcher's shared pieces: the chain catalog, the node clients, the clock and its event output. */
@Configuration(proxyBeanMethods = false)
class WatcherConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ChainCatalog chainCatalog(ChainWatcherProperties properties) {
        return ChainCatalog.withBuiltIn(properties.chainTypeFiles());
    }

    @Bean
    @ConditionalOnMissingBean
    ChainClientFactory chainClientFactory() {
        return new ChainClients();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    WatcherEvents watcherEvents(EventPublisher publisher, ChainWatcherProperties properties) {
        return new WatcherEvents(publisher, properties.publishTimeout());
    }
}
