package io.chainmonitor.support.security;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The security baseline of a service: {@code /api/**} needs a verified JWT, {@code /error} and the configured
 * permit paths are open, everything else on the main port is denied. Actuator endpoints are open on the management
 * port only; on the main port they are denied like any other path. A token with a {@code roles} claim naming only
 * read-only roles may not change anything ({@link RoleWriteGuard}). {@link ApiSecurityCustomizer} beans extend it.
 */
@AutoConfiguration(before = {OAuth2ResourceServerAutoConfiguration.class,
        OAuth2ResourceServerWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
        ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiSecurityProperties.class)
final class ApiSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApiSecurityAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(ApiSecurityProperties properties) {
        return JwtVerification.decoder(properties.jwt());
    }

    /** Tokens this service sends to other services' APIs; its name is {@code spring.application.name}. */
    @Bean
    @ConditionalOnMissingBean
    ServiceTokens serviceTokens(ApiSecurityProperties properties, Environment environment) {
        ApiSecurityProperties.Jwt jwt = properties.jwt();
        return new ServiceTokens(environment.getProperty("spring.application.name", "chain-monitor"),
                jwt.hmacSecret(), jwt.issuer(), jwt.audience(), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean(name = "apiSecurityFilterChain")
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, JwtDecoder jwtDecoder,
            ApiSecurityProperties properties, Environment environment,
            ObjectProvider<ApiSecurityCustomizer> customizers) throws Exception {
        boolean managementOnOwnPort = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
        if (!managementOnOwnPort) {
            log.warn("management.server.port is not set apart from server.port: actuator endpoints are denied");
        }
        ProblemSecurityResponses problems = new ProblemSecurityResponses();
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    if (managementOnOwnPort) {
                        requests.requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll();
                    }
                    requests.requestMatchers("/error").permitAll();
                    properties.permitPaths().forEach(path -> requests.requestMatchers(path).permitAll());
                    requests.requestMatchers("/api/**").authenticated();
                    requests.anyRequest().denyAll();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> jwt.decoder(jwtDecoder))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                // after the bearer token is verified, before any controller: a read-only role changes nothing
                .addFilterAfter(new RoleWriteGuard(), BearerTokenAuthenticationFilter.class);
        for (ApiSecurityCustomizer customizer : customizers.orderedStream().toList()) {
            customizer.customize(http);
        }
        return http.build();
    }
}
