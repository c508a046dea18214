package io.chainmonitor.support.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.support.KafkaHeaders;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.EventCodec;
import io.chainmonitor.events.audit.AuditEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeadLetterIT extends KafkaTestBase {

    private static final String TOPIC = "cm.audit.v1";

    @Autowired
    private EventPublisher publisher;
    @Autowired
    private TestKafkaApplication.AuditListener audits;
    @Autowired
    private MeterRegistry meters;

    @Test
    void aGarbageRecordIsDeadLetteredWithItsBytesAndTheNextRecordIsStillConsumed() throws Exception {
        byte[] garbage = "\u0000not an event, not even JSON".getBytes(StandardCharsets.UTF_8);
        double before = deadLetters("not_json");

        RecordMetadata poison = clients().sendRaw(TOPIC, TestEvents.PROJECT, garbage);
        Envelope<AuditEntry> next = publishAfter("after-garbage");

        ConsumerRecord<String, byte[]> deadLetter = clients().deadLetterOf(TOPIC, poison.partition(),
                poison.offset());
        assertThat(deadLetter.value()).isEqualTo(garbage);
        assertThat(deadLetter.key()).isEqualTo(TestEvents.PROJECT);
        assertThat(deadLetter.partition()).isEqualTo(poison.partition());
        assertThat(header(deadLetter, DeadLetterRecoverer.REASON_HEADER)).isEqualTo("not_json");
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_FQCN)).isNotBlank();
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_STACKTRACE)).contains("not JSON");
        awaitReceived(next);
        assertThat(deadLetters("not_json")).isEqualTo(before + 1);
    }

    @Test
    void aRecordFailingThePayloadsChecksIsDeadLetteredAtOnce() throws Exception {
        byte[] invalid = TestEvents.auditWithoutActor().getBytes(StandardCharsets.UTF_8);

        RecordMetadata poison = clients().sendRaw(TOPIC, TestEvents.PROJECT, invalid);
        Envelope<AuditEntry> next = publishAfter("after-invalid");

        ConsumerRecord<String, byte[]> deadLetter = clients().deadLetterOf(TOPIC, poison.partition(),
                poison.offset());
        assertThat(deadLetter.value()).isEqualTo(invalid);
        assertThat(header(deadLetter, DeadLetterRecoverer.REASON_HEADER)).isEqualTo("invalid_data");
        assertThat(header(deadLetter, DeadLetterRecoverer.DETAIL_HEADER)).contains("actor is required");
        awaitReceived(next);
    }

    @Test
    void aListenerThatKeepsFailingIsRetriedThenDeadLettered() throws Exception {
        Envelope<AuditEntry> failing = TestEvents.audit(TestKafkaApplication.FAILING_ACTION + "-" + UUID.randomUUID());
        double before = deadLetters("processing");

        RecordMetadata sent = publisher.publish(failing).get();
        Envelope<AuditEntry> next = publishAfter("after-failure");

        ConsumerRecord<String, byte[]> deadLetter = clients().deadLetterOf(TOPIC, sent.partition(), sent.offset());
        assertThat(new EventCodec().read(deadLetter.value())).isEqualTo(failing);
        assertThat(header(deadLetter, DeadLetterRecoverer.REASON_HEADER)).isEqualTo("processing");
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("audit store unavailable");
        assertThat(audits.deliveries.get(failing.id())).hasValue(3);
        awaitReceived(next);
        assertThat(deadLetters("processing")).isEqualTo(before + 1);
    }

    private Envelope<AuditEntry> publishAfter(String action) throws Exception {
        Envelope<AuditEntry> next = TestEvents.audit(action + "-" + UUID.randomUUID());
        publisher.publish(next).get();
        return next;
    }

    private void awaitReceived(Envelope<?> event) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(audits.received).contains(event));
    }

    private double deadLetters(String reason) {
        var counter = meters.find(DeadLetterRecoverer.METRIC).tag("topic", TOPIC).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return KafkaTestClients.header(record, name).map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElse(null);
    }
}
