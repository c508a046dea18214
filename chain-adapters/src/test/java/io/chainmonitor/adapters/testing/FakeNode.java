package io.chainmonitor.adapters.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON-RPC node stood in by a local HTTP receiver on 127.0.0.1: answers calls from per-method handlers (recorded
 * answers), or a fixed raw HTTP answer (garbage), or holds requests (a hanging node); records every request body and
 * {@code Authorization} header and the most requests it had in flight at once.
 */
public final class FakeNode implements AutoCloseable {

    /** A JSON-RPC error a handler answers with. */
    public static final class RpcFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final int code;

        public RpcFailure(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    /** Bitcoin Core answers a single failed call with HTTP 500 (404 for an unknown method); EVM nodes with 200. */
    public enum Style {
        EVM, BITCOIN
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Style style;
    private final Map<String, Function<JsonNode, JsonNode>> methods = new ConcurrentHashMap<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Semaphore gate;
    private volatile Function<Integer, RawAnswer> raw;
    private volatile String requiredAuthorization;

    /** A verbatim HTTP answer. */
    public record RawAnswer(int status, String body) {
    }

    private FakeNode(Style style) throws IOException {
        this.style = style;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeNode start(Style style) {
        try {
            return new FakeNode(style);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Answers {@code method} with {@code handler(params)}; a handler may throw {@link RpcFailure}. */
    public FakeNode on(String method, Function<JsonNode, JsonNode> handler) {
        methods.put(method, handler);
        return this;
    }

    /** Answers {@code method} with the {@code result} of a recorded answer under {@code /recorded}. */
    public FakeNode onRecorded(String method, String resource) {
        JsonNode result = recorded(resource).get("result");
        return on(method, params -> result);
    }

    /** Answers every request (the n-th, from 1) with {@code answer.apply(n)}, or normally when it returns null. */
    public void answerRaw(Function<Integer, RawAnswer> answer) {
        this.raw = answer;
    }

    /** Holds every request until {@link #release(int)}. */
    public void hold() {
        gate = new Semaphore(0);
    }

    public void release(int requests) {
        gate.release(requests);
    }

    /** Refuses requests whose {@code Authorization} header differs, with HTTP 401. */
    public void requireAuthorization(String header) {
        requiredAuthorization = header;
    }

    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** The parsed request bodies. */
    public List<JsonNode> requests() {
        return bodies.stream().map(JSON::readTree).toList();
    }

    public static JsonNode recorded(String resource) {
        try (InputStream in = FakeNode.class.getResourceAsStream("/recorded/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded answer " + resource);
            }
            return JsonMapper.builder().enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        Semaphore held = gate;
        if (held != null) {
            held.release(10_000);
        }
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        // A request stops being in flight as its answer is written, not after: the client may send its next one
        // the moment it reads this answer, before this thread has finished closing the exchange.
        AtomicBoolean answered = new AtomicBoolean();
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            bodies.add(body);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(String.valueOf(authorization));
            Semaphore held = gate;
            if (held != null && !held.tryAcquire(60, TimeUnit.SECONDS)) {
                return;
            }
            if (requiredAuthorization != null && !requiredAuthorization.equals(authorization)) {
                send(exchange, answered, 401, "");
                return;
            }
            Function<Integer, RawAnswer> rawAnswer = raw;
            RawAnswer answer = rawAnswer == null ? null : rawAnswer.apply(bodies.size());
            if (answer != null) {
                send(exchange, answered, answer.status(), answer.body());
                return;
            }
            JsonNode request = JSON.readTree(body);
            if (request.isArray()) {
                ArrayNode replies = JSON.createArrayNode();
                request.forEach(call -> replies.add(reply(call)));
                send(exchange, answered, 200, JSON.writeValueAsString(replies));
            } else {
                ObjectNode reply = reply(request);
                int status = 200;
                if (style == Style.BITCOIN && reply.hasNonNull("error")) {
                    status = reply.get("error").get("code").intValue() == -32601 ? 404 : 500;
                }
                send(exchange, answered, status, JSON.writeValueAsString(reply));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (answered.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
            }
            exchange.close();
        }
    }

    private ObjectNode reply(JsonNode call) {
        ObjectNode reply = JSON.createObjectNode();
        if (style == Style.EVM) {
            reply.put("jsonrpc", "2.0");
        }
        reply.set("id", call.get("id"));
        Function<JsonNode, JsonNode> handler = methods.get(call.get("method").asString());
        try {
            if (handler == null) {
                throw new RpcFailure(-32601, "Method not found");
            }
            reply.set("result", handler.apply(call.get("params")));
            if (style == Style.BITCOIN) {
                reply.putNull("error");
            }
        } catch (RpcFailure failure) {
            ObjectNode error = reply.putObject("error");
            error.put("code", failure.code);
            error.put("message", failure.getMessage());
            if (style == Style.BITCOIN) {
                reply.putNull("result");
            }
        }
        return reply;
    }

    private void send(HttpExchange exchange, AtomicBoolean answered, int status, String body) throws IOException {
        if (answered.compareAndSet(false, true)) {
            inFlight.decrementAndGet();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
