package io.chainmonitor.alerts.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.EventCodec;
import io.chainmonitor.support.kafka.EventPublisher;

/**
 * Events kept in the transaction of the change they describe and sent once committed, oldest first: a change is
 * never announced without being stored, nor stored without being announced.
 */
@Component
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final EventPublisher publisher;
    private final Clock clock;

    Outbox(JdbcClient jdbc, EventCodec codec, EventPublisher publisher, Clock clock) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void add(Envelope<?> envelope) {
        jdbc.sql("insert into outbox_event (id, envelope, created_at) values (?, ?, ?)")
                .params(envelope.uuid(), codec.write(envelope), Timestamp.from(clock.instant())).update();
    }

    /** Sends what is pending; stops at the first failure and goes on from there next time. */
    public int relay() {
        List<Pending> pending = jdbc
                .sql("select id, envelope from outbox_event where sent_at is null order by created_at, id limit 200")
                .query((rs, row) -> new Pending(rs.getObject("id", UUID.class), rs.getBytes("envelope"))).list();
        int sent = 0;
        for (Pending event : pending) {
            try {
                publisher.publish(codec.read(event.envelope())).get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return sent;
            } catch (ExecutionException | TimeoutException e) {
                log.warn("outbox paused after {} events: {}", sent, e.toString());
                return sent;
            }
            jdbc.sql("update outbox_event set sent_at = ? where id = ?")
                    .params(Timestamp.from(clock.instant()), event.id()).update();
            sent++;
        }
        return sent;
    }

    private record Pending(UUID id, byte[] envelope) {
    }
}
