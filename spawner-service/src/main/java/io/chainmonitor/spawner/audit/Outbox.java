package io.chainmonitor.spawner.audit;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.EventCodec;

/**
 * Keeps events in the same database transaction as the change they describe; {@link OutboxRelay} sends them once
 * committed, so a change is never published without being stored, nor stored without being published.
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final EventCodec codec;

    Outbox(JdbcClient jdbc, EventCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    /** Adds the event to the caller's transaction, which must exist. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(Envelope<?> envelope) {
        jdbc.sql("insert into outbox_event (id, topic, project_id, envelope, created_at) values (?, ?, ?, ?, ?)")
                .params(envelope.uuid(), envelope.topic().topicName(), envelope.projectid(), codec.write(envelope),
                        Timestamp.from(Instant.now()))
                .update();
    }
}
