package io.chainmonitor.spawner.audit;

import java.sql.Timestamp;
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

import io.chainmonitor.events.EventCodec;
import io.chainmonitor.spawner.SpawnerProperties;
import io.chainmonitor.support.kafka.EventPublisher;

/**
 * Sends the outbox's committed events in the order they were written and marks each sent once the broker has it. A
 * send that fails stops the round; the next round starts again from the oldest unsent event, so delivery is at least
 * once and consumers deduplicate by event id.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final EventPublisher publisher;
    private final SpawnerProperties.Outbox settings;
    private ScheduledExecutorService executor;

    OutboxRelay(JdbcClient jdbc, EventCodec codec, EventPublisher publisher, SpawnerProperties properties) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.publisher = publisher;
        this.settings = properties.outbox();
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

    /** Sends what is pending, oldest first; returns how many events were sent. */
    int sendPending() {
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
            // Kept for the next round: the event stays unsent until the broker has it.
            log.warn("outbox relay paused after {} events: {}", sent, e.toString());
        }
        return sent;
    }

    private List<Pending> pending() {
        return jdbc.sql("select id, envelope from outbox_event where sent_at is null order by created_at, id limit ?")
                .param(settings.batchSize())
                .query((rs, row) -> new Pending(rs.getObject("id", UUID.class), rs.getBytes("envelope")))
                .list();
    }

    private record Pending(UUID id, byte[] envelope) {
    }
}
