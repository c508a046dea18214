package io.chainmonitor.alerts.dispatch;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.events.EventCodec;
import io.chainmonitor.events.Uuid7;

/** Queues deliveries in the caller's transaction; {@link DeliveryWorker} sends them when due. */
@Component
public class DeliveryQueue {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    DeliveryQueue(JdbcClient jdbc, EventCodec codec, Clock clock) {
        this.jdbc = jdbc;
        this.json = codec.mapper();
        this.clock = clock;
    }

    /** Queues the message for one contact on one channel, due now; returns the delivery's id. */
    public UUID enqueue(AlertMessage message, Channel channel, UUID contactId, String contactName) {
        UUID id = Uuid7.next();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into delivery (id, notification_id, project_id, group_key, kind, channel, contact_id, recipient,
                                      tier, message, status, next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), 'pending', ?, ?)
                """)
                .params(id, message.notificationId(), message.projectId(), message.groupKey(), message.kind().name(),
                        channel.wireName(), contactId, contactName, message.tier(), json.writeValueAsString(message),
                        now, now)
                .update();
        return id;
    }

    AlertMessage read(String message) {
        return json.readValue(message, AlertMessage.class);
    }
}
