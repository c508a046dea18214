package io.chainmonitor.support.observability;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Defaults every service starts from, below anything a service or an operator configures: the actuator exposes
 * health, info and the Prometheus scrape endpoint, problem responses come from service-support, and no filter parses
 * request bodies as HTML forms (the APIs take JSON and raw uploads; {@code curl --data-binary} labels a raw upload as
 * a form, which the form filter would try, and fail, to decode).
 */
final class ManagementDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = Map.of(
            "management.endpoints.web.exposure.include", "health,info,prometheus",
            "management.endpoint.health.probes.enabled", "true",
            "server.error.include-stacktrace", "never",
            "server.error.include-message", "never",
            "server.error.whitelabel.enabled", "false",
            "spring.mvc.formcontent.filter.enabled", "false");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        DefaultPropertiesPropertySource.addOrMerge(DEFAULTS, environment.getPropertySources());
    }
}
