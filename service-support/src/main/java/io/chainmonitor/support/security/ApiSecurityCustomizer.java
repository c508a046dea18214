package io.chainmonitor.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A service's addition to the API security baseline, applied after it and before the filter chain is built: for
 * example a second kind of bearer token next to JWTs. Beans of this type are applied in their {@code @Order}.
 */
@FunctionalInterface
public interface ApiSecurityCustomizer {

    void customize(HttpSecurity http) throws Exception;
}
