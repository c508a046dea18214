package io.chainmonitor.alerts.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.chainmonitor.alerts.dispatch.DeliveryResult;
import io.chainmonitor.alerts.dispatch.FailureReason;
import io.chainmonitor.alerts.net.GuardedHttp;
import io.chainmonitor.alerts.support.HttpReceiver;
import io.chainmonitor.support.net.HostResolver;
import io.chainmonitor.support.net.OutboundPolicy;

import static org.assertj.core.api.Assertions.assertThat;

class HttpDeliveryTest {

    private static final Instant NOW = Instant.parse("2026-11-22T03:15:00Z");

    private final HttpReceiver receiver = new HttpReceiver();
    private final GuardedHttp http = new GuardedHttp(new OutboundPolicy(List.of("127.0.0.1"), HostResolver.system()),
            Duration.ofSeconds(5), Duration.ofSeconds(10));
    private final HttpDelivery delivery = new HttpDelivery(http, Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void close() throws Exception {
        http.close();
        receiver.close();
    }

    @Test
    void answersAreSortedIntoDeliveredRetryableAndPermanent() {
        receiver.answer(500).answer(503, Map.of("Retry-After", "7"), "busy").answer(429,
                Map.of("Retry-After", "Sun, 22 Nov 2026 03:16:00 GMT"), "").answer(400, Map.of(), "bad payload")
                .answer(404).answer(301, Map.of("Location", "http://127.0.0.1/x"), "").answer(204);

        List<DeliveryResult> results = List.of(post(), post(), post(), post(), post(), post(), post());

        assertThat(results.get(0)).isEqualTo(new DeliveryResult.RetryableFailure(FailureReason.SERVER_ERROR,
                "HTTP 500", null));
        assertThat(results.get(1)).isEqualTo(new DeliveryResult.RetryableFailure(FailureReason.SERVER_ERROR,
                "HTTP 503: busy", Duration.ofSeconds(7)));
        assertThat(results.get(2)).isEqualTo(new DeliveryResult.RetryableFailure(FailureReason.RATE_LIMITED,
                "HTTP 429", Duration.ofSeconds(60)));
        assertThat(results.get(3)).isEqualTo(new DeliveryResult.PermanentFailure(FailureReason.REJECTED,
                "HTTP 400: bad payload"));
        assertThat(results.get(4)).isEqualTo(new DeliveryResult.PermanentFailure(FailureReason.REJECTED, "HTTP 404"));
        assertThat(results.get(5)).isEqualTo(new DeliveryResult.PermanentFailure(FailureReason.REDIRECT_REFUSED,
                "HTTP 301 redirect to http://127.0.0.1/x not followed"));
        assertThat(results.get(6)).isEqualTo(new DeliveryResult.Delivered("HTTP 204"));
    }

    @Test
    void aClosedPortIsARetryableConnectionFailure() {
        int port = receiver.url("/").getPort();
        receiver.close();
        DeliveryResult result = delivery.post(java.net.URI.create("http://127.0.0.1:" + port + "/"), Map.of(), "{}");
        assertThat(result).isInstanceOfSatisfying(DeliveryResult.RetryableFailure.class,
                failure -> assertThat(failure.reason()).isEqualTo(FailureReason.CONNECTION_FAILED));
    }

    @Test
    void aRefusedDestinationIsPermanent() {
        DeliveryResult result = delivery.post(java.net.URI.create("http://169.254.169.254/latest/meta-data/"),
                Map.of(), "{}");
        assertThat(result).isInstanceOfSatisfying(DeliveryResult.PermanentFailure.class, failure -> {
            assertThat(failure.reason()).isEqualTo(FailureReason.DESTINATION_REFUSED);
            assertThat(failure.detail()).contains("cloud metadata endpoint");
        });
    }

    private DeliveryResult post() {
        return delivery.post(receiver.url("/hook"), Map.of(), "{}");
    }
}
