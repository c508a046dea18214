package io.chainmonitor.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SearchStrategy;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DeserializationFeature;

/**
 * RFC 9457 problem responses for every failed request of a servlet web service, and request bodies read strictly.
 */
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
final class WebSupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    ProblemResponseAdvice problemResponseAdvice() {
        return new ProblemResponseAdvice();
    }

    @Bean
    @ConditionalOnMissingBean(value = ErrorController.class, search = SearchStrategy.CURRENT)
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /**
     * A request body member the API does not know is refused (400 naming it) rather than dropped: a misspelt setting
     * must not pass as accepted. A service may opt out with
     * {@code spring.jackson.deserialization.fail-on-unknown-properties=false}. Events on Kafka are read by the events
     * module's own tolerant mapper, not this one.
     */
    @Bean
    @ConditionalOnProperty(name = "spring.jackson.deserialization.fail-on-unknown-properties", havingValue = "true", matchIfMissing = true)
    JsonMapperBuilderCustomizer strictRequestBodies() {
        return builder -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
