package io.chainmonitor.spawner.runtime.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Docker Engine API stand-in on loopback: it keeps containers and images in memory, answers the calls the docker
 * runtime makes as an engine would, and records every request for the test to assert. Any route can be told to fail
 * with a given status, as an engine in trouble answers.
 */
final class RecordedDockerEngine implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VERSION = Pattern.compile("^/v\\d+\\.\\d+");
    private static final Pattern CONTAINER = Pattern.compile("^/containers/([^/]+)(/[a-z]+)?$");
    private static final Pattern IMAGE = Pattern.compile("^/images/(.+)/json$");

    /** One request as received: method, path without the API version, decoded query, body. */
    record Request(String method, String path, Map<String, String> query, String body) {

        String line() {
            return method + " " + path;
        }
    }

    /** A container the engine holds. */
    static final class Container {
        final String id;
        final String name;
        final Map<String, String> labels;
        final CountDownLatch ended = new CountDownLatch(1);
        final List<byte[]> output = new ArrayList<>();
        volatile boolean running;
        volatile int exitCode;

        Container(String id, String name, Map<String, String> labels) {
            this.id = id;
            this.name = name;
            this.labels = labels;
        }

        void end(int code) {
            running = false;
            exitCode = code;
            ended.countDown();
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Container> containers = new ConcurrentHashMap<>();
    private final Set<String> images = ConcurrentHashMap.newKeySet();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final Map<String, List<byte[]>> outputByName = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private record Failure(int status, String message) {
    }

    RecordedDockerEngine() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "tcp://127.0.0.1:" + server.getAddress().getPort();
    }

    void hasImage(String image) {
        images.add(image);
    }

    /** The next requests matching {@code METHOD /path} (path with {id} for any container) answer this failure. */
    void fail(String route, int status, String message) {
        failures.put(route, new Failure(status, message));
    }

    /** Output a container of this name writes when it starts: stream 1 stdout, 2 stderr. */
    void writes(String containerName, int stream, String text) {
        outputByName.computeIfAbsent(containerName, name -> new ArrayList<>()).add(frame(stream, text));
    }

    /** A container that was already there, e.g. left by an earlier spawner. */
    Container existing(String name, Map<String, String> labels, boolean running) {
        Container container = new Container(nextId(), name, labels);
        container.running = running;
        if (!running) {
            container.end(0);
        }
        containers.put(container.id, container);
        return container;
    }

    /** The container ends by itself, as a crashed node's does. */
    void crash(String id, int exitCode) {
        containers.get(id).end(exitCode);
    }

    Map<String, Container> containers() {
        return containers;
    }

    Container byName(String name) {
        return containers.values().stream().filter(c -> c.name.equals(name)).findFirst().orElseThrow();
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    List<String> lines() {
        return requests().stream().map(Request::line).toList();
    }

    Request only(String line) {
        List<Request> matching = requests().stream().filter(r -> r.line().equals(line)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one " + line + " but got " + lines());
        }
        return matching.getFirst();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = VERSION.matcher(exchange.getRequestURI().getPath()).replaceFirst("");
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        synchronized (this) {
            requests.add(new Request(method, path, query, body));
        }
        Failure failure = failures.get(method + " " + CONTAINER.matcher(path).replaceFirst("/containers/{id}$2"));
        if (failure == null) {
            failure = failures.get(method + " " + path);
        }
        try {
            if (failure != null) {
                json(exchange, failure.status(), Map.of("message", failure.message()));
                return;
            }
            route(exchange, method, path, query, body);
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, String method, String path, Map<String, String> query, String body)
            throws IOException {
        Matcher image = IMAGE.matcher(path);
        Matcher container = CONTAINER.matcher(path);
        if (path.equals("/_ping")) {
            text(exchange, 200, "OK");
        } else if (path.equals("/version")) {
            json(exchange, 200, Map.of("ApiVersion", "1.43", "Version", "24.0.7", "Os", "linux"));
        } else if (method.equals("GET") && image.matches()) {
            String name = URLDecoder.decode(image.group(1), StandardCharsets.UTF_8);
            if (images.contains(name)) {
                json(exchange, 200, Map.of("Id", "sha256:" + "ab".repeat(32), "RepoTags", List.of(name)));
            } else {
                json(exchange, 404, Map.of("message", "No such image: " + name));
            }
        } else if (method.equals("POST") && path.equals("/images/create")) {
            images.add(query.get("fromImage") + (query.containsKey("tag") ? ":" + query.get("tag") : ""));
            text(exchange, 200, "{\"status\":\"Pulling from library\"}\n{\"status\":\"Downloaded newer image\"}\n");
        } else if (method.equals("POST") && path.equals("/containers/create")) {
            create(exchange, query.get("name"), body);
        } else if (method.equals("GET") && path.equals("/containers/json")) {
            list(exchange);
        } else if (container.matches()) {
            onContainer(exchange, method, container.group(1), container.group(2));
        } else {
            json(exchange, 404, Map.of("message", "page not found"));
        }
    }

    private void create(HttpExchange exchange, String name, String body) throws IOException {
        if (containers.values().stream().anyMatch(c -> c.name.equals(name))) {
            json(exchange, 409, Map.of("message", "Conflict. The container name \"/" + name + "\" is already in use"));
            return;
        }
        JsonNode request = JSON.readTree(body);
        Map<String, String> labels = new LinkedHashMap<>();
        request.path("Labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
        Container container = new Container(nextId(), name, labels);
        container.output.addAll(outputByName.getOrDefault(name, List.of()));
        containers.put(container.id, container);
        json(exchange, 201, Map.of("Id", container.id, "Warnings", List.of()));
    }

    private void list(HttpExchange exchange) throws IOException {
        List<Map<String, Object>> listed = containers.values().stream().map(c -> Map.<String, Object>of("Id", c.id,
                "Names", List.of("/" + c.name), "Labels", c.labels, "State", c.running ? "running" : "exited"))
                .toList();
        json(exchange, 200, listed);
    }

    private void onContainer(HttpExchange exchange, String method, String id, String action) throws IOException {
        Container container = containers.get(id);
        if (container == null) {
            json(exchange, 404, Map.of("message", "No such container: " + id));
            return;
        }
        String call = method + " " + (action == null ? "" : action);
        switch (call) {
            case "POST /start" -> {
                container.running = true;
                exchange.sendResponseHeaders(204, -1);
            }
            case "GET /json" -> json(exchange, 200, Map.of("Id", id, "Name", "/" + container.name, "State",
                    Map.of("Running", container.running, "Status", container.running ? "running" : "exited",
                            "ExitCode", container.exitCode, "Pid", container.running ? 4242 : 0)));
            case "POST /stop" -> {
                if (!container.running) {
                    exchange.sendResponseHeaders(304, -1);
                } else {
                    container.end(0);
                    exchange.sendResponseHeaders(204, -1);
                }
            }
            case "POST /kill" -> {
                container.end(137);
                exchange.sendResponseHeaders(204, -1);
            }
            case "DELETE " -> {
                containers.remove(id);
                container.end(container.exitCode);
                exchange.sendResponseHeaders(204, -1);
            }
            case "GET /logs" -> logs(exchange, container);
            case "GET /stats" -> json(exchange, 200, Map.of("read", "2026-11-22T06:00:01Z",
                    "cpu_stats", Map.of("cpu_usage", Map.of("total_usage", 300_000_000L), "system_cpu_usage",
                            20_000_000_000L, "online_cpus", 2),
                    "precpu_stats", Map.of("cpu_usage", Map.of("total_usage", 100_000_000L), "system_cpu_usage",
                            18_000_000_000L, "online_cpus", 2),
                    "memory_stats", Map.of("usage", 52_428_800L, "limit", 805_306_368L),
                    "networks", Map.of("eth0", Map.of("rx_bytes", 1000, "tx_bytes", 2000), "eth1",
                            Map.of("rx_bytes", 24, "tx_bytes", 48))));
            default -> json(exchange, 404, Map.of("message", "page not found"));
        }
    }

    /** Streams the container's output, then holds the stream open until the container ends, as the engine does. */
    private void logs(HttpExchange exchange, Container container) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.docker.raw-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        for (byte[] frame : container.output) {
            body.write(frame);
        }
        body.flush();
        try {
            container.ended.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        body.close();
    }

    private static byte[] frame(int stream, String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.writeBytes(new byte[]{(byte) stream, 0, 0, 0});
        frame.writeBytes(ByteBuffer.allocate(4).putInt(payload.length).array());
        frame.writeBytes(payload);
        return frame.toByteArray();
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void text(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            query.put(key, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private String nextId() {
        return String.format("%064x", ids.incrementAndGet() + 0xc0ffeeL);
    }

    @Override
    public void close() {
        containers.values().forEach(c -> c.ended.countDown());
        server.stop(0);
        executor.shutdownNow();
    }

    static Set<String> names(Iterable<Container> containers) {
        Set<String> names = new HashSet<>();
        containers.forEach(c -> names.add(c.name));
        return names;
    }
}
