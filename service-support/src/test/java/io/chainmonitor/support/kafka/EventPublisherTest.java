package io.chainmonitor.support.kafka;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.audit.AuditEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class EventPublisherTest {

    @SuppressWarnings("unchecked")
    private final KafkaOperations<Object, Object> kafka = mock(KafkaOperations.class);
    private final EventPublisher publisher = new EventPublisher(kafka);
    private final Envelope<AuditEntry> event = TestEvents.audit("create");

    @Test
    void anEventGoesToTheTopicOfItsTypeKeyedByItsProject() {
        RecordMetadata metadata = new RecordMetadata(new TopicPartition("cm.audit.v1", 2), 7, 0, 0, 0, 0);
        when(kafka.send("cm.audit.v1", TestEvents.PROJECT, event)).thenReturn(CompletableFuture.completedFuture(
                new SendResult<>(new ProducerRecord<>("cm.audit.v1", TestEvents.PROJECT, event), metadata)));

        CompletableFuture<RecordMetadata> published = publisher.publish(event);

        assertThat(published).isCompletedWithValue(metadata);
        verify(kafka).send("cm.audit.v1", TestEvents.PROJECT, event);
    }

    @Test
    void aFailedSendCompletesTheFutureWithTheFailure() {
        TimeoutException timeout = new TimeoutException("broker unreachable");
        when(kafka.send(any(String.class), any(), any())).thenReturn(CompletableFuture.failedFuture(timeout));

        assertThat(publisher.publish(event)).isCompletedExceptionally().failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class).withCause(timeout);
    }

    @Test
    void aSendThatThrowsAlsoCompletesTheFutureWithTheFailure() {
        IllegalStateException closed = new IllegalStateException("producer closed");
        when(kafka.send(any(String.class), any(), any())).thenThrow(closed);

        assertThat(publisher.publish(event)).isCompletedExceptionally().failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class).withCause(closed);
    }
}
