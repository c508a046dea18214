package io.chainmonitor.support.embedded;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CloseOnceTest {

    @Test
    void closingTwiceStopsTheServerOnceAndRemovesTheShutdownHook() {
        AtomicInteger stops = new AtomicInteger();
        CloseOnce closer = new CloseOnce("test", stops::incrementAndGet);

        closer.close();
        closer.close();

        assertThat(stops).hasValue(1);
        assertThat(Runtime.getRuntime().removeShutdownHook(closer.shutdownHook())).isFalse();
    }

    @Test
    void aDetachedServerHasNoShutdownHookButStillStopsWhenClosed() {
        AtomicInteger stops = new AtomicInteger();
        CloseOnce closer = new CloseOnce("test", stops::incrementAndGet);

        closer.detachShutdownHook();

        assertThat(Runtime.getRuntime().removeShutdownHook(closer.shutdownHook())).isFalse();
        assertThat(stops).hasValue(0);
        closer.close();
        assertThat(stops).hasValue(1);
    }

    @Test
    void anAttachedServerKeepsItsShutdownHookUntilClosed() {
        CloseOnce closer = new CloseOnce("test", () -> {
        });

        assertThat(Runtime.getRuntime().removeShutdownHook(closer.shutdownHook())).isTrue();
    }
}
