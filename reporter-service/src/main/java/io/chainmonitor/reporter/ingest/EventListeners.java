package io.chainmonitor.reporter.ingest;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.chainmonitor.events.Envelope;

/**
 * Takes every kept stream in. A record that cannot be read never reaches here: service-support dead-letters it, and
 * a failure while storing is retried and then dead-lettered, so ingest carries on either way.
 */
@Component
class EventListeners {

    private final EventIngest ingest;

    EventListeners(EventIngest ingest) {
        this.ingest = ingest;
    }

    @KafkaListener(id = "reporter-events", groupId = "reporter-service.events", topics = {"cm.findings.v1",
            "cm.wire.incidents.v1", "cm.health.reports.v1",
            "cm.alerts.notifications.v1", "cm.actions.v1", "cm.audit.v1"})
    void on(Envelope<?> envelope) {
        ingest.ingest(envelope);
    }
}
