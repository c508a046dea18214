package io.chainmonitor.support.heartbeat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.Topic;
import io.chainmonitor.events.heartbeat.Heartbeat;
import io.chainmonitor.support.kafka.EventPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class HeartbeatPublisherTest {

    private static final Instant NOW = Instant.parse("2026-11-22T03:15:00Z");

    private final EventPublisher events = mock(EventPublisher.class);
    private final HeartbeatPublisher publisher = new HeartbeatPublisher(events, "health-service", "0.1.0",
            Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aHeartbeatIsAPlatformEventOfTheServiceOnTheHeartbeatTopic() {
        Envelope<Heartbeat> heartbeat = publisher.heartbeat();

        assertThat(heartbeat.topic()).isEqualTo(Topic.HEARTBEATS);
        assertThat(heartbeat.source()).isEqualTo("/health-service/heartbeat");
        assertThat(heartbeat.projectid()).isEqualTo("platform");
        assertThat(heartbeat.severity()).isEqualTo(Severity.LOW);
        assertThat(heartbeat.data().service()).isEqualTo("health-service");
        assertThat(heartbeat.data().version()).isEqualTo("0.1.0");
        assertThat(heartbeat.data().startedAt()).isEqualTo(NOW);
        assertThat(heartbeat.data().at()).isEqualTo(NOW);
        assertThat(heartbeat.data().status()).isEqualTo("up");
    }

    @Test
    void everyHeartbeatOfAnInstanceCarriesTheSameInstanceIdAndAFreshEventId() {
        Envelope<Heartbeat> first = publisher.heartbeat();
        Envelope<Heartbeat> second = publisher.heartbeat();

        assertThat(second.data().instanceId()).isEqualTo(first.data().instanceId());
        assertThat(second.id()).isNotEqualTo(first.id());
    }

    @Test
    void theFirstHeartbeatIsSentWhenTheApplicationStartsAndNoneAfterItStops() {
        when(events.publish(any())).thenReturn(new CompletableFuture<>());

        publisher.start();

        verify(events, timeout(10_000)).publish(any());
        assertThat(publisher.isRunning()).isTrue();
        publisher.stop();
        assertThat(publisher.isRunning()).isFalse();
    }

    @Test
    void theIntervalMustBePositive() {
        assertThatThrownBy(() -> new HeartbeatProperties(true, Duration.ZERO)).hasMessageContaining("positive");
    }
}
