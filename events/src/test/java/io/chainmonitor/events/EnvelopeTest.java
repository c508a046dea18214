package io.chainmonitor.events;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.fixtures.Fixtures;
import io.chainmonitor.events.heartbeat.Heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopeTest {

    private final Finding finding = Fixtures.payload(EventType.FINDING, Finding.class);

    @Test
    void ofSetsAUuid7IdTheSpecVersionTheTypeOfItsDataAndTheTime() {
        Instant before = Instant.now();

        Envelope<Finding> envelope = Envelope.of("/health-service/rules", "projects/p-1/replicas/r-2", "p-1",
                Severity.EXTREME, finding);

        assertThat(envelope.uuid().version()).isEqualTo(7);
        assertThat(envelope.specversion()).isEqualTo("1.0");
        assertThat(envelope.type()).isEqualTo("io.chainmonitor.finding.v1");
        assertThat(envelope.datacontenttype()).isEqualTo("application/json");
        assertThat(envelope.time()).isBetween(before, Instant.now());
        assertThat(envelope.topic()).isEqualTo(Topic.FINDINGS);
        assertThat(envelope.data()).isSameAs(finding);
    }

    @Test
    void everyEnvelopeGetsItsOwnId() {
        Envelope<Finding> first = Envelope.of("/s", null, "p", Severity.LOW, finding);
        Envelope<Finding> second = Envelope.of("/s", null, "p", Severity.LOW, finding);

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(first.uuid()).isLessThan(second.uuid());
    }

    @Test
    void aTypeThatDoesNotMatchTheDataIsRefused() {
        assertThatThrownBy(() -> new Envelope<>("1.0", Uuid7.next().toString(), "io.chainmonitor.heartbeat.v1", "/s",
                null, Instant.now(), Envelope.JSON, "p", Severity.LOW, finding))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("io.chainmonitor.finding.v1");
    }

    @Test
    void anotherSpecVersionIsRefused() {
        assertThatThrownBy(() -> new Envelope<>("0.3", Uuid7.next().toString(), finding.eventType().type(), "/s",
                null, Instant.now(), Envelope.JSON, "p", Severity.LOW, finding))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.3");
    }

    @Test
    void requiredAttributesAreRequired() {
        assertThatThrownBy(() -> Envelope.of("/s", null, " ", Severity.LOW, finding))
                .hasMessageContaining("projectid");
        assertThatThrownBy(() -> Envelope.of("", null, "p", Severity.LOW, finding)).hasMessageContaining("source");
        assertThatThrownBy(() -> Envelope.of("/s", null, "p", null, finding)).hasMessageContaining("severity");
    }

    @Test
    void platformEventsCarryTheReservedProjectId() {
        Heartbeat heartbeat = Fixtures.payload(EventType.HEARTBEAT, Heartbeat.class);

        assertThat(Fixtures.envelope(EventType.HEARTBEAT).projectid()).isEqualTo(Envelope.PLATFORM_PROJECT_ID);
        assertThat(Envelope.of("/health-service", null, Envelope.PLATFORM_PROJECT_ID, Severity.LOW, heartbeat)
                .projectid()).isEqualTo("platform");
    }
}
