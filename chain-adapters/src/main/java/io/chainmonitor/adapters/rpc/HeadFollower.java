package io.chainmonitor.adapters.rpc;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainmonitor.adapters.ChainClient.HeadListener;
import io.chainmonitor.adapters.ChainClient.HeadSubscription;
import io.chainmonitor.adapters.ChainClientException;
import io.chainmonitor.adapters.ChainHead;

/**
 * A head subscription: heads pushed by the node where it offers a push channel, otherwise (and whenever the channel
 * drops) polled at a fixed interval, with an attempt to reopen the channel before each poll; while pushing, the head
 * is still polled every {@value #CHECK_WHILE_PUSHING} intervals. Everything, the listener included, runs on one thread
 * of its own, so the listener is never called concurrently; a head is passed on only when its hash differs from the
 * last one passed on.
 */
public final class HeadFollower implements HeadSubscription {

    private static final Logger log = LoggerFactory.getLogger(HeadFollower.class);
    /** While pushing, the head is still polled once every this many poll intervals. */
    static final int CHECK_WHILE_PUSHING = 10;

    /** A node's push channel for new heads, such as an EVM {@code eth_subscribe newHeads} over WebSocket. */
    @FunctionalInterface
    public interface PushChannel {

        /**
         * Opens the channel: each head goes to {@code onHead}, a drop of the channel to {@code onDrop}. Closing the
         * returned handle closes the channel.
         *
         * @throws Exception when the channel cannot be opened now
         */
        AutoCloseable open(Consumer<ChainHead> onHead, Consumer<Throwable> onDrop) throws Exception;
    }

    private final Supplier<ChainHead> poll;
    private final PushChannel push;
    private final Duration interval;
    private final HeadListener listener;
    private final ScheduledExecutorService thread;

    // Confined to the follower's thread.
    private AutoCloseable channel;
    private long channelGeneration;
    private String lastHash;
    private boolean pushFailureReported;

    private volatile boolean pushing;
    private volatile boolean closed;

    private HeadFollower(Supplier<ChainHead> poll, PushChannel push, Duration interval, HeadListener listener,
            String name) {
        this.poll = poll;
        this.push = push;
        this.interval = interval;
        this.listener = listener;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread worker = new Thread(runnable, name);
            worker.setDaemon(true);
            return worker;
        });
    }

    /**
     * Starts following heads.
     *
     * @param poll reads the node's best block now (the fallback and the catch-up after a channel opens)
     * @param push the push channel, {@code null} where the node has none
     */
    public static HeadFollower start(Supplier<ChainHead> poll, PushChannel push, Duration interval,
            HeadListener listener, String threadName) {
        HeadFollower follower = new HeadFollower(poll, push, interval, listener, threadName);
        follower.thread.execute(follower::tick);
        return follower;
    }

    @Override
    public boolean pushing() {
        return pushing;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.execute(this::closeChannel);
        } catch (RejectedExecutionException alreadyClosed) {
            return;
        }
        thread.shutdown();
    }

    private void tick() {
        if (closed) {
            return;
        }
        if (push != null && openChannel()) {
            // Heads may have arrived while the channel was down; one poll delivers the current one.
            pollOnce();
            long generation = channelGeneration;
            schedule(() -> checkWhilePushing(generation), interval.multipliedBy(CHECK_WHILE_PUSHING));
            return;
        }
        pollOnce();
        schedule(this::tick, interval);
    }

    /**
     * A socket can stay open while the node behind it hangs or loses notifications: an occasional poll while pushing
     * catches a missed head and reports a node that no longer answers.
     */
    private void checkWhilePushing(long generation) {
        if (closed || !pushing || generation != channelGeneration) {
            return;
        }
        pollOnce();
        schedule(() -> checkWhilePushing(generation), interval.multipliedBy(CHECK_WHILE_PUSHING));
    }

    private boolean openChannel() {
        long generation = ++channelGeneration;
        try {
            channel = push.open(head -> onThread(() -> {
                if (generation == channelGeneration) {
                    deliver(head);
                }
            }), failure -> onThread(() -> dropped(generation, failure)));
            pushing = true;
            pushFailureReported = false;
            return true;
        } catch (Exception e) {
            if (!pushFailureReported) {
                pushFailureReported = true;
                report(new ChainClientException.Unavailable("newHeads",
                        "cannot open the push subscription, polling every " + interval + ": " + e, e));
            }
            return false;
        }
    }

    private void dropped(long generation, Throwable failure) {
        if (closed || generation != channelGeneration) {
            return;
        }
        closeChannel();
        pushFailureReported = true;
        report(new ChainClientException.Unavailable("newHeads",
                "the push subscription dropped, polling every " + interval + ": " + failure, failure));
        schedule(this::tick, interval);
    }

    private void pollOnce() {
        try {
            deliver(poll.get());
        } catch (ChainClientException failure) {
            report(failure);
        } catch (RuntimeException unexpected) {
            report(new ChainClientException.Malformed("head", "reading the head failed: " + unexpected, unexpected));
        }
    }

    private void deliver(ChainHead head) {
        if (closed || head.hash().equals(lastHash)) {
            return;
        }
        lastHash = head.hash();
        try {
            listener.onHead(head);
        } catch (RuntimeException e) {
            log.warn("head listener failed on {}", head, e);
        }
    }

    private void report(ChainClientException failure) {
        if (closed) {
            return;
        }
        try {
            listener.onError(failure);
        } catch (RuntimeException e) {
            log.warn("head listener failed on an error report", e);
        }
    }

    private void closeChannel() {
        pushing = false;
        channelGeneration++;
        if (channel != null) {
            try {
                channel.close();
            } catch (Exception e) {
                log.debug("closing the push channel failed", e);
            }
            channel = null;
        }
    }

    private void onThread(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException closedMeanwhile) {
            log.trace("head follower closed; event dropped");
        }
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            thread.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closedMeanwhile) {
            log.trace("head follower closed; no further poll");
        }
    }
}
