package io.chainmonitor.spawner.token;

import java.time.Instant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

import io.chainmonitor.spawner.project.Caller;
import io.chainmonitor.support.security.ApiSecurityCustomizer;

/**
 * A second kind of bearer token beside users' JWTs: {@code Authorization: Bearer cmt_…} authenticates as the CI token
 * whose hash matches, live and of a live project; any other bearer token is verified as a JWT, as before.
 */
@Configuration(proxyBeanMethods = false)
class CiTokenSecurity {

    @Bean
    ApiSecurityCustomizer ciTokenAuthentication(JwtDecoder jwtDecoder, TokenRepository tokens) {
        JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(jwtDecoder);
        AuthenticationManager manager = authentication -> isCiToken(authentication)
                ? authenticate(tokens, (BearerTokenAuthenticationToken) authentication)
                : jwt.authenticate(authentication);
        return http -> http.oauth2ResourceServer(
                resourceServer -> resourceServer.jwt(configurer -> configurer.authenticationManager(manager)));
    }

    private static boolean isCiToken(Authentication authentication) {
        return authentication instanceof BearerTokenAuthenticationToken bearer
                && CiTokens.looksLikeToken(bearer.getToken());
    }

    private static Authentication authenticate(TokenRepository tokens, BearerTokenAuthenticationToken bearer) {
        return tokens.findActive(CiTokens.hash(bearer.getToken()), Instant.now())
                .map(active -> new CiTokenAuthentication(new Caller.CiToken(active.id().toString(),
                        active.projectId().toString(), active.owner())))
                .orElseThrow(() -> new InvalidBearerTokenException("the CI token is unknown, revoked or expired"));
    }
}
