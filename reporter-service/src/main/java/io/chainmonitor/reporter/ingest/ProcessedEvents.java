package io.chainmonitor.reporter.ingest;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ids of the events already processed: a redelivered event is recognized and skipped. */
@Repository
public class ProcessedEvents {

    private final JdbcClient jdbc;

    ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the event as processed; false when it already was. Call it in the transaction that writes the event's
     * rows, so that both commit or neither does.
     */
    public boolean firstDelivery(UUID eventId, String topic) {
        return jdbc.sql("INSERT INTO processed_event (event_id, topic) VALUES (:id, :topic) ON CONFLICT DO NOTHING")
                .param("id", eventId).param("topic", topic).update() == 1;
    }
}
