package io.chainmonitor.spawner.audit;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chainmonitor.events.EventCodec;
import io.chainmonitor.spawner.SpawnerProperties;
import io.chainmonitor.support.kafka.EventPublisher;

/**
 * Sends the outbox's committed events in the order they were written and marks each sent once the broker has it. A
 * send that fails stops the round; the next round starts again from the oldest unsent event, so delivery is at least
 * once and consumers deduplicate by event id. With several spawner instances on one database, one relays at a time:
 * a round runs in a transaction holding a PostgreSQL advisory lock (others skip the round rather than wait), and
 * locks its rows {@code FOR UPDATE SKIP LOCKED}; relaying side by side would break the per-project order. Sent events
 * older than the retention are purged, at most once a minute.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** The advisory lock key of the spawner's outbox relay ("cm-spawner-outbox" in ASCII, truncated). */
    private static final long RELAY_LOCK = 0x636d2d73706177L;
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final EventPublisher publisher;
    private final SpawnerProperties.Outbox settings;
    private final TransactionTemplate transactions;
    private ScheduledExecutorService executor;
    private volatile Instant lastPurge = Instant.EPOCH;

    OutboxRelay(JdbcClient jdbc, EventCodec codec, EventPublisher publisher, SpawnerProperties properties,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.publisher = publisher;
        this.settings = properties.outbox();
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-relay").factory());
            long interval = settings.pollInterval().toMillis();
            executor.scheduleWithFixedDelay(this::sendPending, 0, interval, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** Sends what is pending, oldest first; returns how many events were sent (0 when another instance relays). */
    int sendPending() {
        Integer sent = transactions.execute(status -> {
            boolean relaying = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(RELAY_LOCK).query(Boolean.class)
                    .single();
            if (!relaying) {
                return 0;
            }
            int count = sendLocked();
            Instant now = Instant.now();
            if (lastPurge.isBefore(now.minus(PURGE_EVERY))) {
                lastPurge = now;
                purgeSentBefore(now.minus(settings.retention()));
            }
            return count;
        });
        return sent == null ? 0 : sent;
    }

    /** Deletes the events sent before {@code horizon}; returns how many. */
    int purgeSentBefore(Instant horizon) {
        int purged = jdbc.sql("delete from outbox_event where sent_at is not null and sent_at < ?")
                .param(Timestamp.from(horizon)).update();
        if (purged > 0) {
            log.info("outbox: purged {} events sent before {}", purged, horizon);
        }
        return purged;
    }

    private int sendLocked() {
        int sent = 0;
        try {
            for (Pending event : pending()) {
                publisher.publish(codec.read(event.envelope()))
                        .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                jdbc.sql("update outbox_event set sent_at = ? where id = ?")
                        .params(Timestamp.from(Instant.now()), event.id())
                        .update();
                sent++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // Kept for the next round: the event stays unsent until the broker has it; the ones sent are committed.
            log.warn("outbox relay paused after {} events: {}", sent, e.toString());
        }
        return sent;
    }

    private List<Pending> pending() {
        return jdbc.sql("select id, envelope from outbox_event where sent_at is null order by created_at, id limit ?"
                + " for update skip locked")
                .param(settings.batchSize())
                .query((rs, row) -> new Pending(rs.getObject("id", UUID.class), rs.getBytes("envelope")))
                .list();
    }

    private record Pending(UUID id, byte[] envelope) {
    }
}
