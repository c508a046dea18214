package io.chainmonitor.spawner.runtime.kubernetes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class BinaryGrantsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock(NOW);
    private final BinaryGrants grants = new BinaryGrants(Duration.ofMinutes(15), clock);

    @Test
    void aTokenGrantsItsOneBinaryUntilItExpires() throws Exception {
        Path binary = Files.writeString(temp.resolve("node"), "abc");
        String sha256 = grants.register(binary);
        String token = grants.issue(sha256);

        assertThat(sha256).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(grants.granted(sha256, token)).contains(binary.toRealPath());
        assertThat(grants.granted("00".repeat(32), token)).isEmpty();

        clock.now = NOW.plus(Duration.ofMinutes(15)).plusSeconds(1);
        assertThat(grants.granted(sha256, token)).isEmpty();
    }

    @Test
    void forgedMissingOrMalformedTokensGrantNothing() throws Exception {
        String sha256 = grants.register(Files.writeString(temp.resolve("node"), "abc"));
        String token = grants.issue(sha256);
        String expiry = token.substring(0, token.indexOf('.'));
        long later = Long.parseLong(expiry) + 3600;

        assertThat(grants.granted(sha256, later + token.substring(token.indexOf('.')))).isEmpty();
        assertThat(grants.granted(sha256, null)).isEmpty();
        assertThat(grants.granted(sha256, "not-a-token")).isEmpty();
        assertThat(grants.granted(sha256, "x." + "0".repeat(64))).isEmpty();
        assertThat(new BinaryGrants(Duration.ofMinutes(15), clock).granted(sha256, token)).isEmpty();
    }

    @Test
    void aBinaryThatWasNeverRegisteredIsNotServedEvenWithAValidSignature() {
        String sha256 = "11".repeat(32);

        assertThat(grants.granted(sha256, grants.issue(sha256))).isEmpty();
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
