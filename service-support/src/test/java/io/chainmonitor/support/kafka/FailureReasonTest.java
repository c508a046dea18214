package io.chainmonitor.support.kafka;

import java.util.Set;
import jakarta.validation.ConstraintViolationException;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

import io.chainmonitor.events.EventFormatException;
import io.chainmonitor.events.EventFormatException.Reason;

import static org.assertj.core.api.Assertions.assertThat;

class FailureReasonTest {

    @Test
    void anUnreadableEventIsLabelledWithItsReason() {
        EventFormatException notJson = new EventFormatException(Reason.NOT_JSON, "not JSON: Unexpected character");
        DeserializationException wrapped = new DeserializationException("failed to deserialize", new byte[]{1},
                false, notJson);

        assertThat(FailureReason.of(wrapped)).isEqualTo(new FailureReason("not_json", notJson.getMessage()));
    }

    @Test
    void aValidationFailureIsLabelledInvalidData() {
        ConstraintViolationException invalid = new ConstraintViolationException("threshold: must be positive",
                Set.of());

        assertThat(FailureReason.of(new ListenerExecutionFailedException("listener failed", invalid)).label())
                .isEqualTo("invalid_data");
    }

    @Test
    void aListenerFailureIsLabelledProcessingWithItsRootCause() {
        RuntimeException failure = new ListenerExecutionFailedException("listener failed",
                new IllegalStateException("database is down"));

        assertThat(FailureReason.of(failure)).isEqualTo(new FailureReason("processing", "database is down"));
    }

    @Test
    void everyReasonOfTheContractHasALowerCaseLabel() {
        for (Reason reason : Reason.values()) {
            assertThat(FailureReason.label(reason)).matches("[a-z_]+");
        }
    }
}
