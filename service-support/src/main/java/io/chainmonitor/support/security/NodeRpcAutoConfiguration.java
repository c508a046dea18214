package io.chainmonitor.support.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * {@link NodeRpcCredentials} for the services that start or call nodes, when
 * {@code chain-monitor.security.node-rpc-secret} is set.
 */
@AutoConfiguration
@ConditionalOnProperty("chain-monitor.security.node-rpc-secret")
final class NodeRpcAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    NodeRpcCredentials nodeRpcCredentials(@Value("${chain-monitor.security.node-rpc-secret}") String secret) {
        return new NodeRpcCredentials(secret);
    }
}
