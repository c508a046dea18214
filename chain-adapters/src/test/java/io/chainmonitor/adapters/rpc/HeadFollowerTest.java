package io.chainmonitor.adapters.rpc;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.chainmonitor.adapters.ChainClient.HeadListener;
import io.chainmonitor.adapters.ChainClientException;
import io.chainmonitor.adapters.ChainHead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class HeadFollowerTest {

    private static final Duration INTERVAL = Duration.ofMillis(20);

    private final List<ChainHead> heads = new CopyOnWriteArrayList<>();
    private final List<ChainClientException> errors = new CopyOnWriteArrayList<>();
    private final AtomicInteger concurrentCalls = new AtomicInteger();
    private final AtomicBoolean overlapped = new AtomicBoolean();
    private final AtomicReference<ChainHead> nodeHead = new AtomicReference<>(head(1));
    private HeadFollower follower;

    private final HeadListener listener = new HeadListener() {

        @Override
        public void onHead(ChainHead head) {
            enter();
            heads.add(head);
            concurrentCalls.decrementAndGet();
        }

        @Override
        public void onError(ChainClientException failure) {
            enter();
            errors.add(failure);
            concurrentCalls.decrementAndGet();
        }

        private void enter() {
            if (concurrentCalls.incrementAndGet() > 1) {
                overlapped.set(true);
            }
        }
    };

    @AfterEach
    void close() {
        if (follower != null) {
            follower.close();
        }
    }

    private static ChainHead head(long height) {
        return new ChainHead(height, "0x" + height, Instant.ofEpochSecond(height));
    }

    @Test
    void withoutAPushChannelHeadsArePolledAndEachNewHashIsPassedOnOnce() {
        follower = HeadFollower.start(nodeHead::get, null, INTERVAL, listener, "test-heads");

        await().until(() -> heads.size() == 1);
        nodeHead.set(head(2));
        await().until(() -> heads.size() == 2);
        nodeHead.set(head(4));
        await().until(() -> heads.size() == 3);

        assertThat(heads).containsExactly(head(1), head(2), head(4));
        assertThat(follower.pushing()).isFalse();
        assertThat(errors).isEmpty();
    }

    @Test
    void pollingFailuresAreReportedAndPollingGoesOn() {
        AtomicBoolean down = new AtomicBoolean(true);
        follower = HeadFollower.start(() -> {
            if (down.get()) {
                throw new ChainClientException.Unavailable("getbestblockhash", "refused", null);
            }
            return nodeHead.get();
        }, null, INTERVAL, listener, "test-heads");

        await().until(() -> errors.size() >= 2);
        down.set(false);
        await().until(() -> heads.size() == 1);

        assertThat(errors).allSatisfy(error -> assertThat(error.retryable()).isTrue());
        assertThat(heads).containsExactly(head(1));
    }

    @Test
    void pushedHeadsArriveUntilTheChannelDropsThenPollingTakesOverUntilTheChannelReopens() {
        FakeChannel channel = new FakeChannel();
        follower = HeadFollower.start(nodeHead::get, channel, INTERVAL, listener, "test-heads");

        await().until(follower::pushing);
        // Opening the channel polls once to catch up.
        await().until(() -> heads.equals(List.of(head(1))));
        nodeHead.set(head(2));
        channel.push(head(2));
        await().until(() -> heads.size() == 2);

        channel.up.set(false);
        channel.drop(new ConnectException("Connection was closed"));
        await().until(() -> !follower.pushing() && errors.size() == 1);
        nodeHead.set(head(3));
        await().until(() -> heads.size() == 3);

        channel.up.set(true);
        await().until(follower::pushing);
        nodeHead.set(head(4));
        channel.push(head(4));
        await().until(() -> heads.size() == 4);

        assertThat(heads).containsExactly(head(1), head(2), head(3), head(4));
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error).isInstanceOf(ChainClientException.Unavailable.class);
            assertThat(error.getMessage()).contains("dropped");
        });
        assertThat(channel.opened.get()).isGreaterThanOrEqualTo(2);
        assertThat(channel.closed.get()).isEqualTo(1);
        assertThat(overlapped).isFalse();
    }

    @Test
    void aSilentPushChannelIsBackedByAnOccasionalPollThatAlsoReportsAHangingNode() {
        FakeChannel channel = new FakeChannel();
        AtomicBoolean hanging = new AtomicBoolean();
        follower = HeadFollower.start(() -> {
            if (hanging.get()) {
                throw new ChainClientException.Unavailable("eth_getBlockByNumber", "no answer within PT10S", null);
            }
            return nodeHead.get();
        }, channel, INTERVAL, listener, "test-heads");
        await().until(() -> follower.pushing() && heads.size() == 1);

        // The node moved on but the socket told nothing.
        nodeHead.set(head(2));
        await().until(() -> heads.size() == 2);
        hanging.set(true);
        await().until(() -> !errors.isEmpty());

        assertThat(heads).containsExactly(head(1), head(2));
        assertThat(follower.pushing()).isTrue();
        assertThat(errors.getFirst()).isInstanceOf(ChainClientException.Unavailable.class);
    }

    @Test
    void aChannelThatCannotBeOpenedIsReportedOnceWhilePollingGoesOn() {
        FakeChannel channel = new FakeChannel();
        channel.up.set(false);
        follower = HeadFollower.start(nodeHead::get, channel, INTERVAL, listener, "test-heads");

        await().until(() -> channel.attempts.get() >= 3 && heads.size() == 1);

        assertThat(follower.pushing()).isFalse();
        assertThat(errors).singleElement().satisfies(error -> assertThat(error.getMessage()).contains("polling"));
    }

    @Test
    void nothingArrivesAfterClose() {
        FakeChannel channel = new FakeChannel();
        follower = HeadFollower.start(nodeHead::get, channel, INTERVAL, listener, "test-heads");
        await().until(follower::pushing);
        await().until(() -> heads.size() == 1);

        follower.close();
        await().until(() -> channel.closed.get() == 1);
        channel.push(head(9));

        assertThat(heads).containsExactly(head(1));
    }

    private static final class FakeChannel implements HeadFollower.PushChannel {

        final AtomicBoolean up = new AtomicBoolean(true);
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        volatile Consumer<ChainHead> onHead;
        volatile Consumer<Throwable> onDrop;

        @Override
        public AutoCloseable open(Consumer<ChainHead> heads, Consumer<Throwable> drops) throws ConnectException {
            attempts.incrementAndGet();
            if (!up.get()) {
                throw new ConnectException("refused");
            }
            opened.incrementAndGet();
            onHead = heads;
            onDrop = drops;
            return closed::incrementAndGet;
        }

        void push(ChainHead head) {
            onHead.accept(head);
        }

        void drop(Throwable failure) {
            onDrop.accept(failure);
        }
    }
}
