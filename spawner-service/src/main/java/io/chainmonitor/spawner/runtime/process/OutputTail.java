package io.chainmonitor.spawner.runtime.process;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainmonitor.spawner.runtime.OutputLine;
import io.chainmonitor.spawner.runtime.OutputLine.Stream;

/**
 * Follows the files a node writes its stdout and stderr to ({@code node.stdout.log}, {@code node.stderr.log} in its
 * data directory) and hands their lines to a consumer. The node writes the files itself, so its output never waits for
 * the spawner, and a spawner that re-adopts the node follows them from where the one before stopped reading
 * ({@code node.output.offsets}, written on release). A file that grows past {@code maxBytes} is copied to
 * {@code <name>.1} and truncated: the node appends, so it carries on at the start of the emptied file. The last lines
 * are kept for error messages.
 */
final class OutputTail {

    static final String OFFSETS = "node.output.offsets";
    private static final Logger log = LoggerFactory.getLogger(OutputTail.class);
    private static final int TAIL_LINES = 20;
    private static final int MAX_LINE_BYTES = 8192;

    private final String name;
    private final Path directory;
    private final Map<Stream, FollowedFile> files = new EnumMap<>(Stream.class);
    private final Consumer<OutputLine> consumer;
    private final Clock clock;
    private final long maxBytes;
    private final Deque<String> tail = new ArrayDeque<>();
    private ScheduledFuture<?> polling;

    private OutputTail(String name, Path directory, Map<Stream, Long> positions, Consumer<OutputLine> consumer,
            Clock clock, long maxBytes) {
        this.name = name;
        this.directory = directory;
        this.consumer = consumer;
        this.clock = clock;
        this.maxBytes = maxBytes;
        for (Stream stream : Stream.values()) {
            files.put(stream, new FollowedFile(stream, fileOf(directory, stream), positions.getOrDefault(stream, 0L)));
        }
    }

    /** The file the node's {@code stream} goes to. */
    static Path fileOf(Path directory, Stream stream) {
        return directory.resolve("node." + stream.name().toLowerCase(Locale.ROOT) + ".log");
    }

    /** Follows the output of a node about to start: only what it writes from now on. */
    static OutputTail ofNewProcess(String name, Path directory, Consumer<OutputLine> consumer, Clock clock,
            long maxBytes) {
        Map<Stream, Long> ends = new EnumMap<>(Stream.class);
        for (Stream stream : Stream.values()) {
            ends.put(stream, sizeOf(fileOf(directory, stream)));
        }
        return new OutputTail(name, directory, ends, consumer, clock, maxBytes);
    }

    /**
     * Follows the output of a re-adopted node from where the spawner that released it stopped reading; from the
     * files' ends when it left no offsets (it died) or the files were truncated since.
     */
    static OutputTail ofAdoptedProcess(String name, Path directory, Consumer<OutputLine> consumer, Clock clock,
            long maxBytes) {
        Properties saved = new Properties();
        Path offsets = directory.resolve(OFFSETS);
        try (Reader reader = Files.newBufferedReader(offsets, StandardCharsets.UTF_8)) {
            saved.load(reader);
            Files.delete(offsets);
        } catch (NoSuchFileException e) {
            // Nothing saved: start at the ends.
        } catch (IOException e) {
            log.warn("{}: cannot read {}: {}", name, offsets, e.getMessage());
        }
        Map<Stream, Long> positions = new EnumMap<>(Stream.class);
        for (Stream stream : Stream.values()) {
            long size = sizeOf(fileOf(directory, stream));
            long at = Long.parseLong(saved.getProperty(stream.name(), Long.toString(size)));
            positions.put(stream, at <= size ? at : size);
        }
        return new OutputTail(name, directory, positions, consumer, clock, maxBytes);
    }

    /** Reads new lines every {@code interval} on {@code scheduler} until {@link #stop()}. */
    synchronized void start(ScheduledExecutorService scheduler, Duration interval) {
        polling = scheduler.scheduleWithFixedDelay(this::pollQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads what the node wrote so far and stops following it (the node ended, or another spawner takes over). */
    void stop() {
        synchronized (this) {
            if (polling != null) {
                polling.cancel(false);
                polling = null;
            }
        }
        pollQuietly();
    }

    /** Stops following and records how far the files were read, for the spawner that re-adopts the node. */
    void release() {
        stop();
        Properties offsets = new Properties();
        synchronized (files) {
            files.forEach((stream, file) -> offsets.setProperty(stream.name(), Long.toString(file.position)));
        }
        Path target = directory.resolve(OFFSETS);
        try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            offsets.store(writer, "how far the spawner read the node's output");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Reads every line written since the last poll, so that {@link #tail()} holds the node's last words. */
    void drain() {
        pollQuietly();
    }

    /** The last lines the node wrote, oldest first, each prefixed by its stream. */
    List<String> tail() {
        synchronized (tail) {
            return new ArrayList<>(tail);
        }
    }

    private void pollQuietly() {
        synchronized (files) {
            for (FollowedFile file : files.values()) {
                try {
                    file.poll();
                } catch (IOException | RuntimeException e) {
                    log.warn("{}: cannot read {}: {}", name, file.path, e.toString());
                }
            }
        }
    }

    private void emit(Stream stream, long number, String text) {
        synchronized (tail) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(stream.name().toLowerCase(Locale.ROOT) + ": " + text);
        }
        try {
            consumer.accept(new OutputLine(stream, number, text, clock.instant()));
        } catch (RuntimeException e) {
            log.warn("{}: an output listener failed: {}", name, e.toString());
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** One output file: how far it was read, and the start of a line not ended yet. */
    private final class FollowedFile {

        private final Stream stream;
        private final Path path;
        private final LineBuffer pending = new LineBuffer();
        private long position;
        private long lines;

        FollowedFile(Stream stream, Path path, long position) {
            this.stream = stream;
            this.path = path;
            this.position = position;
        }

        void poll() throws IOException {
            if (!Files.exists(path)) {
                return;
            }
            if (Files.size(path) < position) {
                // Truncated by someone else: what was beyond the new end is gone.
                position = 0;
                pending.clear();
            }
            position = readFrom(path, position);
            if (position > maxBytes) {
                rotate();
            }
        }

        /** Keeps the file's content as {@code <name>.1} and empties it. */
        private void rotate() throws IOException {
            Path rotated = path.resolveSibling(path.getFileName() + ".1");
            Files.copy(path, rotated, StandardCopyOption.REPLACE_EXISTING);
            // Lines written between the last read and the copy are in the copy.
            readFrom(rotated, position);
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
                channel.truncate(0);
            }
            position = 0;
        }

        private long readFrom(Path file, long from) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                channel.position(from);
                ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                while (channel.read(buffer) > 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        byte next = buffer.get();
                        if (next == '\n' || pending.size() == MAX_LINE_BYTES) {
                            emit(stream, ++lines, pending.take());
                        }
                        if (next != '\n') {
                            pending.add(next);
                        }
                    }
                    buffer.clear();
                }
                return channel.position();
            }
        }
    }

    /** The bytes of a line being read, decoded as UTF-8 once it ends. */
    private static final class LineBuffer {

        private byte[] bytes = new byte[256];
        private int size;

        int size() {
            return size;
        }

        void add(byte next) {
            if (size == bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[size++] = next;
        }

        String take() {
            int end = size > 0 && bytes[size - 1] == '\r' ? size - 1 : size;
            String line = new String(bytes, 0, end, StandardCharsets.UTF_8);
            size = 0;
            return line;
        }

        void clear() {
            size = 0;
        }
    }
}
