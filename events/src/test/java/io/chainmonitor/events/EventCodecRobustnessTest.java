package io.chainmonitor.events;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

import io.chainmonitor.events.fixtures.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever arrives on a topic, the codec answers with an event or an EventFormatException, nothing else. */
class EventCodecRobustnessTest {

    private final EventCodec codec = new EventCodec();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTruncationOfAFixtureIsRefusedAsAFormatError(EventType type) {
        byte[] fixture = Fixtures.bytes(type);

        for (int length = 0; length < fixture.length - 2; length++) {
            assertThat(outcome(Arrays.copyOf(fixture, length))).as("first %d bytes", length)
                    .isEqualTo(Outcome.REFUSED);
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void randomlyCorruptedFixturesAreReadOrRefusedButNeverCrashTheReader(EventType type) {
        byte[] fixture = Fixtures.bytes(type);
        Random random = new Random(type.ordinal());

        for (int round = 0; round < 500; round++) {
            byte[] corrupted = fixture.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                corrupted[random.nextInt(corrupted.length)] = (byte) random.nextInt(256);
            }
            assertThat(outcome(corrupted)).isIn(Outcome.READ, Outcome.REFUSED);
        }
    }

    @ParameterizedTest
    @MethodSource("garbage")
    void hugeAndGarbageInputsAreRefusedAsFormatErrors(byte[] garbage) {
        assertThat(outcome(garbage)).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void aHugeValueInsideValidDataIsNoProblemForTheReader() {
        byte[] huge = JsonEdits.edited(EventType.FINDING,
                root -> ((ObjectNode) root.get("data")).put("summary",
                        "reorg ".repeat(500_000)));

        assertThat(outcome(huge)).isEqualTo(Outcome.READ);
    }

    static Stream<byte[]> garbage() {
        Random random = new Random(7);
        byte[] noise = new byte[1 << 20];
        random.nextBytes(noise);
        return Stream.of(noise, ascii("[".repeat(100_000)), ascii("{\"a\":".repeat(100_000)),
                ascii("{\"specversion\":\"1.0\",\"type\":\"" + "x".repeat(5_000_000) + "\"}"),
                ascii("{\"specversion\":" + "9".repeat(100_000) + "}"), ascii("\u0000".repeat(1000)),
                new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', (byte) 0xC3, '}'}, ascii("null"),
                ascii("{\"specversion\":\"1.0\",\"type\":\"io.chainmonitor.finding.v1\",\"data\":{\"chain\":"
                        + "[".repeat(2_000) + "]".repeat(2_000) + "}}"));
    }

    private Outcome outcome(byte[] input) {
        try {
            codec.read(input);
            return Outcome.READ;
        } catch (EventFormatException e) {
            return Outcome.REFUSED;
        }
        // Anything else propagates and fails the test with its stack trace.
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private enum Outcome {
        READ, REFUSED
    }
}
