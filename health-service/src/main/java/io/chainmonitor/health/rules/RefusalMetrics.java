package io.chainmonitor.health.rules;

import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Counts the rules API's refusals by their {@link RulesApiException.Reason} ({@code cm.rules.refused{reason}}) and
 * answers them with their problem, as the platform's problem handling would.
 */
@RestControllerAdvice(assignableTypes = RulesController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusalMetrics {

    private final MeterRegistry meters;

    RefusalMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @ExceptionHandler(RulesApiException.class)
    ResponseEntity<ProblemDetail> refused(RulesApiException e) {
        meters.counter("cm.rules.refused", "reason", e.reason().name().toLowerCase(Locale.ROOT)).increment();
        return ResponseEntity.status(e.getStatusCode()).headers(e.getHeaders()).body(e.getBody());
    }
}
