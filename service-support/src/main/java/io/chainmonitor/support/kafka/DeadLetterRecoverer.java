package io.chainmonitor.support.kafka;

import java.nio.charset.StandardCharsets;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Publishes a record that cannot be processed to {@code <topic>-dlt}, same partition, with its original bytes and
 * the exception headers, then counts it per topic and reason. A record is only counted once the broker has it; if
 * the dead letter cannot be written the record is delivered again rather than lost.
 */
final class DeadLetterRecoverer implements ConsumerAwareRecordRecoverer {

    /** The {@link FailureReason} label: a {@code Reason} of the event contract, or {@code processing}. */
    static final String REASON_HEADER = "cm_dlt-reason";
    /** What was wrong, in words. */
    static final String DETAIL_HEADER = "cm_dlt-detail";
    static final String METRIC = "cm.kafka.dead.letters";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);

    private final DeadLetterPublishingRecoverer publisher;
    private final MeterRegistry meters;

    DeadLetterRecoverer(KafkaOperations<?, ?> kafka, MeterRegistry meters) {
        this.publisher = new DeadLetterPublishingRecoverer(kafka);
        this.publisher.addHeadersFunction((record, failure) -> reasonHeaders(FailureReason.of(failure)));
        this.meters = meters;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception failure) {
        FailureReason reason = FailureReason.of(failure);
        publisher.accept(record, consumer, failure);
        Counter.builder(METRIC)
                .description("Records sent to a dead-letter topic, by original topic and reason")
                .tag("topic", record.topic())
                .tag("reason", reason.label())
                .register(meters)
                .increment();
        log.warn("record {}-{}@{} went to the dead-letter topic ({}): {}", record.topic(), record.partition(),
                record.offset(), reason.label(), reason.detail());
    }

    private static RecordHeaders reasonHeaders(FailureReason reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, reason.label().getBytes(StandardCharsets.UTF_8));
        if (reason.detail() != null) {
            headers.add(DETAIL_HEADER, reason.detail().getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }
}
