package io.chainmonitor.health.platform;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.heartbeat.Heartbeat;

/** Keeps the last heartbeat of every service instance of the platform. */
@Component
class HeartbeatListener {

    private final HeartbeatStore store;

    HeartbeatListener(HeartbeatStore store) {
        this.store = store;
    }

    @KafkaListener(topics = "cm.heartbeats.v1", groupId = "health-service.heartbeats")
    void on(Envelope<?> envelope) {
        if (envelope.data() instanceof Heartbeat heartbeat) {
            store.record(heartbeat);
        }
    }
}
