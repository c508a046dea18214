package io.chainmonitor.support.kafka;

import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

import io.chainmonitor.events.Envelope;

/**
 * Publishes envelopes on the topic their type belongs to, keyed by project id so that one project's events stay in
 * order. A failure is logged and completes the returned future exceptionally; the caller decides what to do.
 */
public class EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    private final KafkaOperations<Object, Object> kafka;

    public EventPublisher(KafkaOperations<Object, Object> kafka) {
        this.kafka = kafka;
    }

    /** Sends the event; the future completes when the broker has acknowledged it on all in-sync replicas. */
    public CompletableFuture<RecordMetadata> publish(Envelope<?> envelope) {
        String topic = envelope.topic().topicName();
        CompletableFuture<SendResult<Object, Object>> sent;
        try {
            sent = kafka.send(topic, envelope.projectid(), envelope);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<RecordMetadata> published = new CompletableFuture<>();
        sent.whenComplete((result, failure) -> {
            if (failure == null) {
                published.complete(result.getRecordMetadata());
            } else {
                log.error("event {} ({}) for project {} was not published on {}: {}", envelope.id(), envelope.type(),
                        envelope.projectid(), topic, failure.getMessage());
                published.completeExceptionally(failure);
            }
        });
        return published;
    }
}
