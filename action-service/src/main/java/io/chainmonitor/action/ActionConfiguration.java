package io.chainmonitor.action;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.chainmonitor.support.net.HostResolver;
import io.chainmonitor.support.net.OutboundPolicy;

/** The service's shared parts: its clock (tests replace the bean named {@code clock}), the resolver and SSRF policy. */
@Configuration(proxyBeanMethods = false)
class ActionConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    HostResolver hostResolver() {
        return HostResolver.system();
    }

    @Bean
    OutboundPolicy outboundPolicy(ActionProperties properties, HostResolver resolver) {
        return new OutboundPolicy(properties.outbound().allow(), resolver, "chain-monitor.action.outbound.allow");
    }
}
