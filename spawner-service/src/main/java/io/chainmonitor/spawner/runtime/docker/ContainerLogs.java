package io.chainmonitor.spawner.runtime.docker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;

import io.chainmonitor.spawner.runtime.OutputLine;
import io.chainmonitor.spawner.runtime.OutputLine.Stream;

/**
 * Follows a container's multiplexed log stream and turns its frames into numbered lines per stream, the same
 * {@link OutputLine}s a local process gives. The stream ends when the container stops: {@link #ended()} completes.
 */
final class ContainerLogs extends ResultCallback.Adapter<Frame> {

    private static final int TAIL_LINES = 20;
    private static final int MAX_LINE_CHARS = 8192;

    private final Consumer<OutputLine> consumer;
    private final Clock clock;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final long[] numbers = new long[2];
    private final Deque<String> tail = new ArrayDeque<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    ContainerLogs(Consumer<OutputLine> consumer, Clock clock) {
        this.consumer = consumer;
        this.clock = clock;
    }

    CompletableFuture<Void> ended() {
        return ended;
    }

    @Override
    public void onNext(Frame frame) {
        Stream stream = frame.getStreamType() == StreamType.STDERR ? Stream.STDERR : Stream.STDOUT;
        ByteArrayOutputStream pending = stream == Stream.STDERR ? stderr : stdout;
        synchronized (pending) {
            for (byte b : frame.getPayload()) {
                if (b == '\n') {
                    emit(stream, pending);
                } else {
                    pending.write(b);
                }
            }
        }
    }

    @Override
    public void onError(Throwable throwable) {
        // A broken stream is not the container's end: whoever waits on ended() asks the engine what happened.
        org.slf4j.LoggerFactory.getLogger(ContainerLogs.class).debug("log stream ended: {}", throwable.toString());
        finish();
        closeQuietly();
    }

    /** Stops following (the stream is released, ended() completes). */
    void closeQuietly() {
        try {
            close();
        } catch (java.io.IOException e) {
            org.slf4j.LoggerFactory.getLogger(ContainerLogs.class).debug("closing a log stream: {}", e.toString());
        }
    }

    @Override
    public void onComplete() {
        finish();
        super.onComplete();
    }

    /** The last lines, oldest first, each prefixed by its stream. */
    List<String> tail() {
        synchronized (tail) {
            return new ArrayList<>(tail);
        }
    }

    private void finish() {
        synchronized (stdout) {
            if (stdout.size() > 0) {
                emit(Stream.STDOUT, stdout);
            }
        }
        synchronized (stderr) {
            if (stderr.size() > 0) {
                emit(Stream.STDERR, stderr);
            }
        }
        ended.complete(null);
    }

    private void emit(Stream stream, ByteArrayOutputStream pending) {
        String text = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.length() > MAX_LINE_CHARS) {
            text = text.substring(0, MAX_LINE_CHARS);
        }
        synchronized (tail) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(stream.name().toLowerCase(Locale.ROOT) + ": " + text);
        }
        long number = ++numbers[stream.ordinal()];
        try {
            consumer.accept(new OutputLine(stream, number, text, clock.instant()));
        } catch (RuntimeException e) {
            // A listener's failure must not end the stream: the next lines still count.
            org.slf4j.LoggerFactory.getLogger(ContainerLogs.class).warn("an output listener failed: {}", e.toString());
        }
    }
}
