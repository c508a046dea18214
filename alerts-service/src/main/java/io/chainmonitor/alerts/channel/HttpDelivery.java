package io.chainmonitor.alerts.channel;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

import io.chainmonitor.alerts.dispatch.DeliveryResult;
import io.chainmonitor.alerts.dispatch.FailureReason;
import io.chainmonitor.alerts.net.GuardedHttp;
import io.chainmonitor.support.net.DestinationRefusedException;

/**
 * Sends a JSON body through the guarded client and sorts the answer: 2xx delivered; 5xx, 429 (honouring
 * Retry-After), timeouts and connection failures retryable; redirects, other 4xx and refused destinations permanent.
 */
public final class HttpDelivery {

    private final GuardedHttp http;
    private final Clock clock;

    public HttpDelivery(GuardedHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    public DeliveryResult post(URI url, Map<String, String> headers, String json) {
        GuardedHttp.Reply reply;
        try {
            reply = http.postJson(url, headers, json);
        } catch (DestinationRefusedException e) {
            return new DeliveryResult.PermanentFailure(FailureReason.DESTINATION_REFUSED, e.getMessage());
        } catch (InterruptedIOException e) {
            return new DeliveryResult.RetryableFailure(FailureReason.TIMEOUT, "no answer in time: " + e);
        } catch (ConnectException e) {
            return new DeliveryResult.RetryableFailure(FailureReason.CONNECTION_FAILED, e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            if (e.getCause() instanceof DestinationRefusedException refused) {
                return new DeliveryResult.PermanentFailure(FailureReason.DESTINATION_REFUSED, refused.getMessage());
            }
            return new DeliveryResult.RetryableFailure(FailureReason.CONNECTION_FAILED, e.toString());
        }
        return classify(reply);
    }

    DeliveryResult classify(GuardedHttp.Reply reply) {
        int status = reply.status();
        String detail = "HTTP " + status + excerpt(reply.body());
        if (status >= 200 && status < 300) {
            return new DeliveryResult.Delivered("HTTP " + status);
        }
        if (status >= 300 && status < 400) {
            return new DeliveryResult.PermanentFailure(FailureReason.REDIRECT_REFUSED,
                    "HTTP " + status + " redirect to " + reply.header("location") + " not followed");
        }
        if (status == 429) {
            return new DeliveryResult.RetryableFailure(FailureReason.RATE_LIMITED, detail,
                    retryAfter(reply.header("retry-after")));
        }
        if (status >= 500) {
            return new DeliveryResult.RetryableFailure(FailureReason.SERVER_ERROR, detail,
                    retryAfter(reply.header("retry-after")));
        }
        return new DeliveryResult.PermanentFailure(FailureReason.REJECTED, detail);
    }

    /** Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
    Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(trimmed));
        }
        try {
            Duration until = Duration.between(clock.instant(),
                    ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String line = body.strip().replaceAll("\\s+", " ");
        return ": " + (line.length() > 200 ? line.substring(0, 200) + "…" : line);
    }
}
