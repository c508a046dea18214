package io.chainmonitor.alerts;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.chainmonitor.alerts.channel.HttpDelivery;
import io.chainmonitor.alerts.channel.MessageJson;
import io.chainmonitor.alerts.net.GuardedHttp;
import io.chainmonitor.events.EventCodec;
import io.chainmonitor.support.net.HostResolver;
import io.chainmonitor.support.net.OutboundPolicy;

/**
 * The service's shared parts: its clock (tests replace the bean named {@code clock} to drive time), the resolver and
 * the SSRF policy every outbound URL passes, and the one guarded HTTP client of the channels.
 */
@Configuration(proxyBeanMethods = false)
class AlertsConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    HostResolver hostResolver() {
        return HostResolver.system();
    }

    @Bean
    OutboundPolicy outboundPolicy(AlertsProperties properties, HostResolver resolver) {
        return new OutboundPolicy(properties.outbound().allow(), resolver, "chain-monitor.alerts.outbound.allow");
    }

    @Bean(destroyMethod = "close")
    GuardedHttp guardedHttp(OutboundPolicy policy, AlertsProperties properties) {
        return new GuardedHttp(policy, properties.outbound().connectTimeout(), properties.outbound().readTimeout());
    }

    @Bean
    HttpDelivery httpDelivery(GuardedHttp http, Clock clock) {
        return new HttpDelivery(http, clock);
    }

    @Bean
    MessageJson messageJson(EventCodec codec) {
        return new MessageJson(codec.mapper());
    }
}
