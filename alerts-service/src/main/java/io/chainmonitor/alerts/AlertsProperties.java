package io.chainmonitor.alerts;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the alerts-service, under {@code chain-monitor.alerts}.
 *
 * @param secretKey base64 key (≥ 32 bytes) that encrypts contact secrets at rest and signs acknowledgement links;
 *        without it no contact secret can be stored
 * @param dashboardUrl where people open incidents and reports; links in messages start here
 * @param publicUrl where this service is reached from a mail client: acknowledgement links start here
 * @param tickInterval how often the lifecycle looks for due groups, repeats, escalations and deliveries
 * @param ackLinkValidity how long a signed acknowledgement link works
 * @param outbound which destinations notifications may reach
 * @param delivery retries of failed deliveries
 * @param email the sender of alert mail (the SMTP server itself is {@code spring.mail.*})
 * @param pagerduty the PagerDuty Events API v2
 * @param telegram the Telegram Bot API
 * @param platformOperator the user (JWT subject) who configures the alerting of the platform itself: findings about
 *        Chain Monitor's own services and silent replicas (project {@code platform}, from the dead man's switch) go to
 *        the contacts and policy this user sets on {@code /api/v1/projects/platform/alerts}; blank leaves them unsent
 */
@Validated
@ConfigurationProperties("chain-monitor.alerts")
public record AlertsProperties(
        String secretKey,
        @DefaultValue("http://localhost:8080") @NotNull URI dashboardUrl,
        @DefaultValue("http://localhost:8086") @NotNull URI publicUrl,
        @DefaultValue("1s") @NotNull Duration tickInterval,
        @DefaultValue("7d") @NotNull Duration ackLinkValidity,
        @DefaultValue @Valid Outbound outbound,
        @DefaultValue @Valid Delivery delivery,
        @DefaultValue @Valid Email email,
        @DefaultValue @Valid PagerDuty pagerduty,
        @DefaultValue @Valid Telegram telegram,
        @DefaultValue("operator") @Pattern(regexp = "|[A-Za-z0-9._@:-]{1,128}") String platformOperator) {

    /**
     * Outbound HTTP of the channels.
     *
     * @param allow CIDRs ({@code 10.1.0.0/16}, {@code 127.0.0.1}) or host names an operator opens although they are
     *        loopback, private, link-local or otherwise internal
     * @param connectTimeout how long a connection may take
     * @param readTimeout how long an answer may take
     */
    public record Outbound(@DefaultValue List<String> allow, @DefaultValue("5s") @NotNull Duration connectTimeout,
            @DefaultValue("10s") @NotNull Duration readTimeout) {
    }

    /**
     * Retries of retryable failures: exponential back-off with jitter.
     *
     * @param maxAttempts attempts of one delivery, the first included
     * @param initialBackoff wait before the second attempt
     * @param multiplier growth of the wait
     * @param maxBackoff longest wait
     * @param jitter share of the wait drawn at random (0 to 1)
     * @param batchSize deliveries sent per tick
     */
    public record Delivery(@DefaultValue("5") @Min(1) int maxAttempts,
            @DefaultValue("2s") @NotNull Duration initialBackoff,
            @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
            @DefaultValue("5m") @NotNull Duration maxBackoff,
            @DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax("1.0") double jitter,
            @DefaultValue("50") @Min(1) int batchSize) {
    }

    /** @param from the sender address of alert mail */
    public record Email(@DefaultValue("chain-monitor@localhost") @NotNull String from) {
    }

    /** @param eventsUrl the Events API v2 enqueue endpoint */
    public record PagerDuty(@DefaultValue("https://events.pagerduty.com/v2/enqueue") @NotNull URI eventsUrl) {
    }

    /**
     * @param apiUrl the Bot API base URL
     * @param botToken the bot's token; without it the Telegram channel reports "not configured"
     */
    public record Telegram(@DefaultValue("https://api.telegram.org") @NotNull URI apiUrl, String botToken) {
    }
}
