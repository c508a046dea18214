package io.chainmonitor.support.testapp;

import java.util.List;
import java.util.Map;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A service with nothing but service-support and a small API, for the web and security ITs. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TestWebApplication.TestApi.class)
public class TestWebApplication {

    /** Properties every web IT loads: no database, no broker. */
    public static final String PROPERTIES = "classpath:io/chainmonitor/support/testapp/test-web.properties";

    /** What a client asks to create. */
    public record NewThing(@NotBlank String name, @Min(1) int replicas) {
    }

    @RestController
    static class TestApi {

        @GetMapping("/api/test/hello")
        Map<String, String> hello(@AuthenticationPrincipal Jwt jwt) {
            return Map.of("subject", jwt.getSubject());
        }

        @PostMapping("/api/test/things")
        @ResponseStatus(HttpStatus.CREATED)
        NewThing create(@Valid @RequestBody NewThing thing) {
            return thing;
        }

        @GetMapping("/api/test/things")
        List<String> list(@RequestParam @Min(1) @Max(100) int limit) {
            return List.of("thing-1").subList(0, Math.min(1, limit));
        }

        @GetMapping("/internal/hello")
        Map<String, String> internal() {
            return Map.of("hello", "internal");
        }
    }
}
