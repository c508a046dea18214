package io.chainmonitor.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Uuid7Test {

    @Test
    void idsAreVersion7AndVariant2() {
        UUID id = Uuid7.next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void manyIdsInTheSameMillisecondAreStrictlyIncreasing() {
        long millisecond = System.currentTimeMillis();
        List<UUID> ids = new ArrayList<>();
        // More than the 4096 a millisecond's counter holds, so the overflow path is taken too.
        for (int i = 0; i < 10_000; i++) {
            ids.add(Uuid7.next(millisecond));
        }

        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i)).as("id %d", i).isGreaterThan(ids.get(i - 1));
            assertThat(ids.get(i).toString()).as("id %d as text", i).isGreaterThan(ids.get(i - 1).toString());
        }
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        assertThat(ids).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
    }

    @Test
    void idsStayIncreasingWhenTheClockGoesBack() {
        UUID before = Uuid7.next(System.currentTimeMillis());

        UUID after = Uuid7.next(System.currentTimeMillis() - 60_000);

        assertThat(after).isGreaterThan(before);
    }

    @Test
    void theTimestampIsTheMillisecondTheIdWasMadeIn() {
        long before = System.currentTimeMillis();
        UUID id = Uuid7.next();
        long after = System.currentTimeMillis();

        // An id may borrow a later millisecond when a millisecond's counter runs out, never an earlier one.
        assertThat(Uuid7.timestampMillis(id)).isBetween(before, after + 3);
    }

    @Test
    void theTimestampOfAKnownIdIsExtracted() {
        UUID id = UUID.fromString("0193a6c2-7f3e-7c1a-9b7e-2f0d1e4c5a6b");

        assertThat(Uuid7.timestampMillis(id)).isEqualTo(0x0193a6c27f3eL);
    }

    @Test
    void onlyAUuid7HasATimestamp() {
        UUID random = UUID.randomUUID();

        assertThatThrownBy(() -> Uuid7.timestampMillis(random)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(random.toString());
    }
}
