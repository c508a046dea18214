package io.chainmonitor.chainwatcher.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP receiver in front of a real node that records the requests it gets and, on demand, passes them on,
 * answers garbage or hangs: the node misbehaving as a broken or overloaded one would.
 */
final class FlakyNodeFront implements AutoCloseable {

    /** What the front does with a request. */
    enum Mode {
        PASS, GARBAGE, HANG
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String upstream;
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.PASS);
    private final Map<Mode, AtomicInteger> received = new ConcurrentHashMap<>();
    private volatile CountDownLatch hanging = new CountDownLatch(1);

    FlakyNodeFront(String upstream) {
        this.upstream = upstream;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void mode(Mode next) {
        if (next == Mode.HANG) {
            hanging = new CountDownLatch(1);
        }
        mode.set(next);
        if (next != Mode.HANG) {
            hanging.countDown();
        }
    }

    int received(Mode in) {
        return received.computeIfAbsent(in, m -> new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            Mode current = mode.get();
            received.computeIfAbsent(current, m -> new AtomicInteger()).incrementAndGet();
            if (current == Mode.HANG) {
                hanging.await(60, TimeUnit.SECONDS);
            }
            if (current == Mode.GARBAGE) {
                respond(exchange, 200, "<html>502 upstream confused</html>".getBytes(StandardCharsets.UTF_8));
                return;
            }
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(upstream))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            respond(exchange, answer.statusCode(), answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        hanging.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
