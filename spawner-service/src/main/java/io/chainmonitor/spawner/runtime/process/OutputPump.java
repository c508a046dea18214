package io.chainmonitor.spawner.runtime.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainmonitor.spawner.runtime.OutputLine;
import io.chainmonitor.spawner.runtime.OutputLine.Stream;

/**
 * Reads a node's stdout and stderr line by line on two threads and hands the lines to a consumer on a third, through
 * a bounded buffer: a slow consumer never blocks the node, lines that do not fit are dropped and counted. The last
 * lines are kept for error messages.
 */
final class OutputPump {

    private static final Logger log = LoggerFactory.getLogger(OutputPump.class);
    private static final int TAIL_LINES = 20;
    private static final int MAX_LINE_CHARS = 8192;
    private static final OutputLine END = new OutputLine(Stream.STDOUT, 0, "", java.time.Instant.EPOCH);

    private final String name;
    private final BlockingQueue<OutputLine> buffer;
    private final Consumer<OutputLine> consumer;
    private final Clock clock;
    private final Deque<String> tail = new ArrayDeque<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicInteger openStreams = new AtomicInteger(2);
    private final CountDownLatch closed = new CountDownLatch(1);

    OutputPump(String name, int bufferLines, Consumer<OutputLine> consumer, Clock clock) {
        this.name = name;
        this.buffer = new ArrayBlockingQueue<>(bufferLines);
        this.consumer = consumer;
        this.clock = clock;
    }

    void start(InputStream stdout, InputStream stderr) {
        Thread.ofPlatform().daemon().name(name + "-stdout").start(() -> read(stdout, Stream.STDOUT));
        Thread.ofPlatform().daemon().name(name + "-stderr").start(() -> read(stderr, Stream.STDERR));
        Thread.ofPlatform().daemon().name(name + "-output").start(this::dispatch);
    }

    /** Lines dropped because the consumer fell behind. */
    long droppedLines() {
        return dropped.get();
    }

    /** Waits up to {@code atMost} until both streams reached their end, so that {@link #tail()} holds every line. */
    void awaitClosed(Duration atMost) throws InterruptedException {
        closed.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The last lines the node wrote, oldest first, each prefixed by its stream. */
    List<String> tail() {
        synchronized (tail) {
            return new ArrayList<>(tail);
        }
    }

    private void read(InputStream input, Stream stream) {
        long number = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                String kept = text.length() > MAX_LINE_CHARS ? text.substring(0, MAX_LINE_CHARS) : text;
                remember(stream, kept);
                if (!buffer.offer(new OutputLine(stream, ++number, kept, clock.instant()))) {
                    dropped.incrementAndGet();
                }
            }
        } catch (IOException e) {
            log.debug("{} {} closed: {}", name, stream, e.getMessage());
        } finally {
            if (openStreams.decrementAndGet() == 0) {
                closed.countDown();
                endDispatch();
            }
        }
    }

    private void endDispatch() {
        try {
            buffer.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void remember(Stream stream, String text) {
        synchronized (tail) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(stream.name().toLowerCase(java.util.Locale.ROOT) + ": " + text);
        }
    }

    private void dispatch() {
        try {
            for (OutputLine line = buffer.take(); line != END; line = buffer.take()) {
                try {
                    consumer.accept(line);
                } catch (RuntimeException e) {
                    log.warn("{}: an output listener failed: {}", name, e.toString());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
