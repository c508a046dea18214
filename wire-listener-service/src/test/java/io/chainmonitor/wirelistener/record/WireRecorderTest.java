package io.chainmonitor.wirelistener.record;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import io.chainmonitor.events.Envelope;
import io.chainmonitor.events.Severity;
import io.chainmonitor.events.finding.Finding;
import io.chainmonitor.events.wire.WireIncident;
import io.chainmonitor.rules.wire.Detector;
import io.chainmonitor.rules.wire.WireSignatures;
import io.chainmonitor.support.kafka.EventPublisher;
import io.chainmonitor.wirelistener.WireListenerProperties;
import io.chainmonitor.wirelistener.listen.ReplicaKey;

import static org.assertj.core.api.Assertions.assertThat;

class WireRecorderTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final ReplicaKey REPLICA = new ReplicaKey("p-1", "r-1", "anvil");

    private final List<Envelope<?>> published = new ArrayList<>();
    private final EventPublisher publisher = new EventPublisher(null) {
        @Override
        public CompletableFuture<RecordMetadata> publish(Envelope<?> envelope) {
            published.add(envelope);
            return CompletableFuture.completedFuture(null);
        }
    };
    private final WireRecorder recorder = new WireRecorder(WireSignatures.builtIn(), publisher,
            Clock.fixed(T0, ZoneOffset.UTC),
            new WireListenerProperties.Recording(16, Duration.ofMinutes(5), 16, Severity.HIGH),
            new SimpleMeterRegistry());

    private static Observation unlock(String source, Instant at) {
        return new Observation(REPLICA, WireIncident.Port.RPC, source, 40000, Detector.CRITICAL_METHOD,
                "personal_unlockAccount", null, WireIncident.Disposition.REFUSED,
                "POST /\n{\"method\":\"personal_unlockAccount\"}", 40, at);
    }

    @Test
    void theFirstAttemptIsPublishedAtOnceWithAFindingAndRepeatsAreSummedWhenTheWindowCloses() {
        recorder.handle(unlock("127.0.0.9", T0));
        assertThat(published).hasSize(2);
        WireIncident first = (WireIncident) published.get(0).data();
        assertThat(first.classification()).isEqualTo("credential-theft.unlock");
        assertThat(first.critical()).isTrue();
        assertThat(first.summary()).startsWith("127.0.0.9 tried personal_unlockAccount on the RPC port of replica r-1")
                .contains("refused");
        assertThat(first.labels()).containsEntry("category", "credential-theft").containsEntry("count", "1");
        Finding firing = (Finding) published.get(1).data();
        assertThat(firing.status()).isEqualTo(Finding.Status.FIRING);
        assertThat(firing.ruleId()).isEqualTo("wire.credential-theft.unlock");
        assertThat(published.get(1).severity()).isEqualTo(Severity.HIGH);
        assertThat(firing.labels()).containsEntry("source", "127.0.0.9");

        for (int i = 1; i < 37; i++) {
            recorder.handle(unlock("127.0.0.9", T0.plusSeconds(i)));
        }
        assertThat(published).hasSize(2);

        recorder.closeExpired(T0.plus(Duration.ofMinutes(4)));
        assertThat(published).hasSize(2);
        recorder.closeExpired(T0.plus(Duration.ofMinutes(5)));
        assertThat(published).hasSize(4);
        WireIncident summary = (WireIncident) published.get(2).data();
        assertThat(summary.summary()).startsWith("127.0.0.9 tried personal_unlockAccount 37 times in 36 s");
        assertThat(summary.labels()).containsEntry("count", "37").containsKey("firstSeenAt");
        Finding resolved = (Finding) published.get(3).data();
        assertThat(resolved.status()).isEqualTo(Finding.Status.RESOLVED);
        assertThat(resolved.fingerprint()).isEqualTo(firing.fingerprint());
    }

    @Test
    void aLowTierSignatureIsRecordedWithoutAFindingAndSourcesAreKeptApart() {
        recorder.handle(new Observation(REPLICA, WireIncident.Port.RPC, "127.0.0.9", 1, Detector.PATH_SCAN, null,
                "GET /index.php", WireIncident.Disposition.REFUSED, "GET /index.php", 0, T0));
        recorder.handle(new Observation(REPLICA, WireIncident.Port.RPC, "127.0.0.10", 1, Detector.PATH_SCAN, null,
                "GET /index.php", WireIncident.Disposition.REFUSED, "GET /index.php", 0, T0));
        assertThat(published).hasSize(2).allMatch(e -> e.data() instanceof WireIncident);
        assertThat(published).extracting(e -> ((WireIncident) e.data()).sourceAddress())
                .containsExactly("127.0.0.9", "127.0.0.10");
    }

    @Test
    void theQueueDropsAndCountsWhenFullInsteadOfBlocking() {
        for (int i = 0; i < 20; i++) {
            recorder.record(unlock("127.0.0.9", T0));
        }
        assertThat(recorder.droppedCount()).isEqualTo(4.0);
    }

    @Test
    void tooManyOpenWindowsCloseTheOldestEarlyAndNothingIsLost() {
        for (int i = 0; i < 17; i++) {
            recorder.handle(unlock("127.0.1." + i, T0));
        }
        long resolved = published.stream().filter(e -> e.data() instanceof Finding f
                && f.status() == Finding.Status.RESOLVED).count();
        assertThat(resolved).isEqualTo(1);
    }
}
