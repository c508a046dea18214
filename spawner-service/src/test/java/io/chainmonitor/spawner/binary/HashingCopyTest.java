package io.chainmonitor.spawner.binary;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HashingCopyTest {

    @Test
    void copiesTheStreamAndGivesItsSha256AndSize() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HashingCopy.Result result = HashingCopy.copy(stream("abc"), out, 3);
        assertThat(result).isEqualTo(new HashingCopy.Result(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 3));
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("abc");
    }

    @Test
    void stopsReadingAsSoonAsTheStreamGrowsPastTheLimit() {
        CountingStream endless = new CountingStream();
        assertThatThrownBy(() -> HashingCopy.copy(endless, new ByteArrayOutputStream(), 100_000))
                .isInstanceOf(HashingCopy.LimitExceededException.class)
                .hasMessageContaining("100000");
        // Read at most one chunk beyond the limit, never the whole endless stream.
        assertThat(endless.served).isLessThanOrEqualTo(100_000 + 64 * 1024);
    }

    @Test
    void anEmptyStreamHasTheEmptyHash() throws IOException {
        assertThat(HashingCopy.copy(stream(""), new ByteArrayOutputStream(), 0).sha256())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Serves zero bytes forever and counts them. */
    private static final class CountingStream extends InputStream {

        long served;

        @Override
        public int read() {
            served++;
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            served += length;
            return length;
        }
    }
}
