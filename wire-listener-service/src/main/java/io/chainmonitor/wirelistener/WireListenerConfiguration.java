package io.chainmonitor.wirelistener;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.chainmonitor.rules.chain.ChainCatalog;
import io.chainmonitor.rules.wire.WireSignatures;
import io.chainmonitor.support.kafka.EventPublisher;
import io.chainmonitor.support.project.ProjectOwnership;
import io.chainmonitor.support.security.NodeRpcCredentials;
import io.chainmonitor.wirelistener.block.SourceGate;
import io.chainmonitor.wirelistener.listen.ListenerPorts;
import io.chainmonitor.wirelistener.listen.Listeners;
import io.chainmonitor.wirelistener.policy.WirePolicies;
import io.chainmonitor.wirelistener.proxy.ProxyServices;
import io.chainmonitor.wirelistener.record.TrafficMetrics;
import io.chainmonitor.wirelistener.record.WireRecorder;

/** The listener's shared pieces: catalog, signatures, recorder, counters and the Netty listeners. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class WireListenerConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ChainCatalog chainCatalog(WireListenerProperties properties) {
        return ChainCatalog.withBuiltIn(properties.chainTypeFiles());
    }

    @Bean
    ProjectOwnership projectOwnership(JdbcClient jdbc, Clock clock) {
        return new ProjectOwnership(jdbc, clock);
    }

    @Bean
    WireSignatures wireSignatures() {
        return WireSignatures.builtIn();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    WireRecorder wireRecorder(WireSignatures signatures, EventPublisher publisher, Clock clock,
            WireListenerProperties properties, MeterRegistry meters) {
        return new WireRecorder(signatures, publisher, clock, properties.recording(), meters);
    }

    @Bean
    TrafficMetrics trafficMetrics(EventPublisher publisher, SourceGate gate, Clock clock) {
        return new TrafficMetrics(publisher, gate, clock);
    }

    @Bean
    Listeners listeners(ChainCatalog catalog, WireListenerProperties properties, WireRecorder recorder,
            TrafficMetrics traffic, SourceGate gate, Clock clock, ObjectProvider<NodeRpcCredentials> credentials,
            WirePolicies policies, JdbcClient jdbc) {
        return new Listeners(catalog, properties,
                new ProxyServices(recorder, traffic, gate, properties.limits(), clock), credentials.getIfAvailable(),
                policies, new ListenerPorts(jdbc));
    }

    @Bean
    WirePolicies wirePolicies(JdbcClient jdbc, WireListenerProperties properties) {
        return new WirePolicies(jdbc, properties);
    }
}
