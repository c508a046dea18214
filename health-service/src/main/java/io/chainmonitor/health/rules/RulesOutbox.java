package io.chainmonitor.health.rules;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.EventCodec;
import io.chainmonitor.health.HealthProperties;
import io.chainmonitor.support.kafka.EventPublisher;

/**
 * Rule set and audit events kept in the transaction of the change they describe and sent once it commits, oldest
 * first: a rule set is never announced without being stored, nor stored without being announced. A round holds a
 * PostgreSQL advisory lock, so with several instances one relays at a time and a project's versions stay in order on
 * {@code cm.rules.v1}; a failed send ends the round and the next round starts again from the oldest unsent event.
 */
@Component
class RulesOutbox {

    private static final Logger log = LoggerFactory.getLogger(RulesOutbox.class);
    /** The advisory lock key of this relay ("cm-rules-outbx" in ASCII, truncated). */
    private static final long RELAY_LOCK = 0x636d2d72756c65L;
    private static final long SEND_TIMEOUT_SECONDS = 10;

    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final EventPublisher publisher;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private volatile Runnable wake = () -> {
    };

    RulesOutbox(JdbcClient jdbc, EventCodec codec, EventPublisher publisher, PlatformTransactionManager transactions,
            HealthProperties properties) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.publisher = publisher;
        this.transactions = new TransactionTemplate(transactions);
        this.batchSize = properties.rules().outboxBatchSize();
    }

    /** Adds the event to the caller's transaction; the relay is woken once it commits. */
    @Transactional(propagation = Propagation.MANDATORY)
    void add(Envelope<?> envelope) {
        jdbc.sql("INSERT INTO rules_outbox (id, envelope, created_at) VALUES (?, ?, ?)")
                .params(envelope.uuid(), codec.write(envelope), Timestamp.from(Instant.now())).update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wake.run();
            }
        });
    }

    /** What to run when committed events wait: the relay's prompt round, which runs only while it is started. */
    void onPending(Runnable wake) {
        this.wake = wake;
    }

    /** Sends what is pending, oldest first; returns how many were sent (0 while another instance relays). */
    int relay() {
        Integer sent = transactions.execute(status -> {
            if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(RELAY_LOCK).query(Boolean.class).single()) {
                return 0;
            }
            return sendLocked();
        });
        return sent == null ? 0 : sent;
    }

    /** Deletes events sent before {@code horizon}. */
    int purgeSentBefore(Instant horizon) {
        return jdbc.sql("DELETE FROM rules_outbox WHERE sent_at IS NOT NULL AND sent_at < ?")
                .param(Timestamp.from(horizon)).update();
    }

    private int sendLocked() {
        List<Pending> pending = jdbc.sql("""
                SELECT id, envelope FROM rules_outbox WHERE sent_at IS NULL ORDER BY created_at, id LIMIT ?
                """).param(batchSize)
                .query((rs, row) -> new Pending(rs.getObject("id", UUID.class), rs.getBytes("envelope"))).list();
        int sent = 0;
        try {
            for (Pending event : pending) {
                publisher.publish(codec.read(event.envelope())).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                jdbc.sql("UPDATE rules_outbox SET sent_at = ? WHERE id = ?")
                        .params(Timestamp.from(Instant.now()), event.id()).update();
                sent++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The event stays unsent until the broker has it; the ones before it are committed as sent.
            log.warn("rules outbox paused after {} events: {}", sent, e.toString());
        }
        return sent;
    }

    private record Pending(UUID id, byte[] envelope) {
    }
}
