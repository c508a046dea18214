package io.chainmonitor.chainwatcher.blindness;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.chainmonitor.adapters.ChainClientException;
import io.chainmonitor.events.finding.Finding;

import static org.assertj.core.api.Assertions.assertThat;

class BlindnessTest {

    private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");
    private final Blindness blindness = new Blindness("p-1", "r-1", "litecoin");

    @Test
    void aSpellOfFailuresFiresOneFindingPerKindAndOneAnswerResolvesEachOnce() {
        Finding first = blindness.failed(unavailable(), 41, T0);
        assertThat(blindness.failed(unavailable(), 41, T0.plusSeconds(1))).isNull();
        Finding garbage = blindness.failed(new ChainClientException.Malformed("getblock", "not JSON", null), 41,
                T0.plusSeconds(2));

        assertThat(first.ruleId()).isEqualTo(Blindness.UNREACHABLE);
        assertThat(first.status()).isEqualTo(Finding.Status.FIRING);
        assertThat(first.chain().height()).isEqualTo(41L);
        assertThat(first.summary()).contains("r-1", "p-1", "cannot be reached", "getbestblockhash", "after height 41");
        assertThat(garbage.ruleId()).isEqualTo(Blindness.MALFORMED);
        assertThat(blindness.blind()).isTrue();

        var resolved = blindness.answered(T0.plusSeconds(5));
        assertThat(blindness.answered(T0.plusSeconds(6))).as("the other loop gets nothing to resolve").isEmpty();
        assertThat(resolved).extracting(Finding::fingerprint).containsExactly(first.fingerprint(),
                garbage.fingerprint());
        assertThat(resolved).allSatisfy(finding -> {
            assertThat(finding.status()).isEqualTo(Finding.Status.RESOLVED);
            assertThat(finding.endsAt()).isEqualTo(T0.plusSeconds(5));
        });
        assertThat(blindness.blind()).isFalse();
    }

    @Test
    void aFindingTheBrokerDidNotGetIsMadeAgain() {
        Finding lost = blindness.failed(unavailable(), 3, T0);
        blindness.notPublished(lost);
        Finding again = blindness.failed(unavailable(), 3, T0.plusSeconds(1));
        assertThat(again).isNotNull();
        assertThat(again.fingerprint()).isEqualTo(lost.fingerprint());

        Finding resolution = blindness.answered(T0.plusSeconds(2)).getFirst();
        blindness.notPublished(resolution);
        assertThat(blindness.blind()).isTrue();
        assertThat(blindness.answered(T0.plusSeconds(3))).singleElement()
                .satisfies(finding -> assertThat(finding.startsAt()).isEqualTo(T0.plusSeconds(1)));
    }

    private static ChainClientException unavailable() {
        return new ChainClientException.Unavailable("getbestblockhash", "connection refused", null);
    }
}
